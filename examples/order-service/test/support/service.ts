import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { must } from './run.js';

/** One line of `order-service consume`. */
export interface Consumed {
  /** The version of @acme-events/order-placed the consumer runs with. */
  reader: string;
  writerSchemaId: number;
  pickList: { orderId: string; total: string; payment: string; lines: string[]; giftNote: string | null };
  event: Record<string, unknown>;
}

/** name → version of every package in the workspace's packages/, generated/ and examples/. */
export function workspaceVersions(repo: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const group of ['packages', 'generated', 'examples']) {
    for (const entry of readdirSync(join(repo, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      try {
        const m = JSON.parse(readFileSync(join(repo, group, entry.name, 'package.json'), 'utf8'));
        if (m.name && m.version) out.set(m.name, m.version);
      } catch {
        // not a package
      }
    }
  }
  return out;
}

/**
 * The service's runtime dependencies as pnpm would publish them: `workspace:^` becomes `^<version>` of
 * the workspace package (`@acme-events/order-placed: ^1.0.0` once 1.0.0 is released).
 */
export function deployedDependencies(repo: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(repo, 'examples/order-service/package.json'), 'utf8'));
  const versions = workspaceVersions(repo);
  const out: Record<string, string> = {};
  for (const [name, range] of Object.entries(manifest.dependencies as Record<string, string>)) {
    const version = versions.get(name);
    out[name] = range === 'workspace:^' && version ? `^${version}` : range;
  }
  return out;
}

export class InstalledService {
  constructor(
    readonly dir: string,
    readonly contractVersion: string,
  ) {}

  produce(registry: string, checkouts: string, out: string): Promise<unknown> {
    return must(
      process.execPath,
      ['dist/main.js', 'produce', '--registry', registry, '--checkouts', checkouts, '--out', out],
      {
        cwd: this.dir,
      },
    );
  }

  async consume(registry: string, file: string): Promise<Consumed[]> {
    const r = await must(
      process.execPath,
      ['dist/main.js', 'consume', '--registry', registry, '--in', file],
      {
        cwd: this.dir,
      },
    );
    return r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Consumed);
  }
}

/** Scoped registries: @acme-events and @charter from Verdaccio, everything else from the normal registry. */
export function npmrc(registry: string, cache: string): string {
  return `@acme-events:registry=${registry}/\n@charter:registry=${registry}/\ncache=${cache}\n`;
}

/**
 * Deploys the example service into `dir` as a team would outside the monorepo: its sources, a
 * package.json with the given dependencies, an .npmrc with scoped registries, `npm install`, then `tsc`
 * against the installed packages (the compiler and Node's types come from the build machine's toolchain).
 */
export async function installService(
  repo: string,
  dir: string,
  registry: string,
  dependencies: Record<string, string>,
  npmCache: string,
): Promise<InstalledService> {
  mkdirSync(dir, { recursive: true });
  cpSync(join(repo, 'examples/order-service/src'), join(dir, 'src'), { recursive: true });
  cpSync(join(repo, 'examples/order-service/tsconfig.json'), join(dir, 'tsconfig.json'));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'order-service', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  writeFileSync(join(dir, '.npmrc'), npmrc(registry, npmCache));
  await must('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  await must(
    process.execPath,
    [
      join(repo, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.json',
      '--typeRoots',
      join(repo, 'node_modules/@types'),
    ],
    { cwd: dir },
  );
  const installed = JSON.parse(
    readFileSync(join(dir, 'node_modules/@acme-events/order-placed/package.json'), 'utf8'),
  ) as { version: string };
  return new InstalledService(dir, installed.version);
}
