import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '@charter/diagnostics';
import { ReleaseCode } from './codes.js';
import type { Manifest, WorkspacePackage } from './workspace-packages.js';

export interface PublishSet {
  /** The event packages (folders of the output directory with a `charter` section). */
  events: WorkspacePackage[];
  /** The workspace packages they need at run time (@charter/serde and what it depends on). */
  runtime: WorkspacePackage[];
  diagnostics: Diagnostic[];
}

const RUNTIME_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * What a release publishes: every event package, and every workspace package they depend on at run
 * time, transitively (devDependencies do not count). A service that installs an event package from the
 * registry then finds its whole runtime there too.
 */
export function publishSet(packages: readonly WorkspacePackage[], outputDir: string): PublishSet {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const out = resolve(outputDir);
  const events = packages.filter(
    (p) => dirname(p.dir) === out && typeof p.manifest.charter === 'object' && p.manifest.charter !== null,
  );
  const set: PublishSet = { events: [], runtime: [], diagnostics: [] };
  const seen = new Set<string>();
  const queue: WorkspacePackage[] = [];
  for (const e of events) {
    if (e.private) continue;
    set.events.push(e);
    seen.add(e.name);
    queue.push(e);
  }
  while (queue.length > 0) {
    const pkg = queue.shift()!;
    for (const field of RUNTIME_FIELDS) {
      for (const name of Object.keys(pkg.manifest[field] ?? {})) {
        const dep = byName.get(name);
        if (!dep || seen.has(name)) continue;
        seen.add(name);
        if (dep.private) {
          set.diagnostics.push({
            code: ReleaseCode.PrivateDependency,
            severity: 'error',
            message: `${pkg.name} depends on ${name}, which is private and cannot be published`,
            file: join(pkg.dir, 'package.json'),
            hint: `remove "private": true from ${name} or stop depending on it at run time`,
          });
          continue;
        }
        set.runtime.push(dep);
        queue.push(dep);
      }
    }
  }
  set.runtime.sort((a, b) => a.name.localeCompare(b.name));
  return set;
}

function entryPaths(manifest: Manifest): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!v.includes('*')) out.push(v);
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  if (manifest.main) out.push(manifest.main);
  if (manifest.types) out.push(manifest.types);
  walk(manifest.exports);
  return [...new Set(out)];
}

/** Entry files (main, types, exports) a package names but does not have: it was not built. */
export function missingEntries(pkg: WorkspacePackage): string[] {
  return entryPaths(pkg.manifest).filter((p) => !existsSync(join(pkg.dir, p)));
}
