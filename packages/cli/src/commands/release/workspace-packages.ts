import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runTool } from './run-tool.js';

/** What the release reads of a package.json. */
export interface Manifest {
  name?: string;
  version?: string;
  private?: boolean;
  main?: string;
  types?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  charter?: unknown;
}

export interface WorkspacePackage {
  name: string;
  version: string | undefined;
  /** Absolute path of the package folder. */
  dir: string;
  private: boolean;
  manifest: Manifest;
}

/** Every package of the pnpm workspace at `root` (the root package itself left out). */
export async function listWorkspacePackages(root: string): Promise<WorkspacePackage[]> {
  const result = await runTool('pnpm', ['ls', '-r', '--depth', '-1', '--json'], { cwd: root });
  if (result.code !== 0)
    throw new Error(
      `pnpm ls -r failed (exit code ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`,
    );
  const listed = JSON.parse(result.stdout) as { name?: string; path: string }[];
  const out: WorkspacePackage[] = [];
  for (const entry of listed) {
    const dir = resolve(entry.path);
    if (dir === resolve(root)) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    if (!manifest.name) continue;
    out.push({
      name: manifest.name,
      version: manifest.version,
      dir,
      private: manifest.private === true,
      manifest,
    });
  }
  return out;
}
