import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningVerdaccio, startVerdaccio } from '../../../scripts/verdaccio/verdaccio.mjs';
import { missingEntries, publishSet } from '../src/commands/release/publish-set.js';
import { PUBLISH_REGISTRY_ENV, publishRegistry } from '../src/commands/release/registry-option.js';
import type { WorkspacePackage } from '../src/commands/release/workspace-packages.js';
import { runCli } from './run-cli.js';

function pkg(dir: string, manifest: Record<string, unknown>): WorkspacePackage {
  return {
    name: manifest.name as string,
    version: manifest.version as string | undefined,
    dir,
    private: manifest.private === true,
    manifest,
  };
}

describe('publishSet', () => {
  const packages = [
    pkg('/w/generated/order-placed', {
      name: '@acme-events/order-placed',
      charter: { schema: 'a.OrderPlaced' },
      dependencies: { '@charter/serde': 'workspace:^' },
      devDependencies: { '@charter/cli': 'workspace:*' },
    }),
    pkg('/w/generated/not-an-event', { name: 'hand-written' }),
    pkg('/w/packages/serde', {
      name: '@charter/serde',
      dependencies: { '@charter/schema': 'workspace:*', avsc: '5.7.9' },
      devDependencies: { '@charter/registry-server': 'workspace:*' },
    }),
    pkg('/w/packages/schema', { name: '@charter/schema', peerDependencies: { '@charter/diagnostics': '*' } }),
    pkg('/w/packages/diagnostics', { name: '@charter/diagnostics' }),
    pkg('/w/packages/registry-server', { name: '@charter/registry-server' }),
    pkg('/w/packages/cli', { name: '@charter/cli' }),
  ];

  it('is the event packages and their runtime dependencies, transitively, without dev dependencies', () => {
    const set = publishSet(packages, '/w/generated');
    expect(set.diagnostics).toEqual([]);
    expect(set.events.map((p) => p.name)).toEqual(['@acme-events/order-placed']);
    expect(set.runtime.map((p) => p.name)).toEqual([
      '@charter/diagnostics',
      '@charter/schema',
      '@charter/serde',
    ]);
  });

  it('refuses a private runtime dependency', () => {
    const withPrivate = packages.map((p) =>
      p.name === '@charter/schema' ? { ...p, private: true, manifest: { ...p.manifest, private: true } } : p,
    );
    const set = publishSet(withPrivate, '/w/generated');
    expect(set.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['REL007', '@charter/serde depends on @charter/schema, which is private and cannot be published'],
    ]);
  });
});

describe('missingEntries', () => {
  it('lists main, types and export targets that do not exist (patterns left out)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-entries-'));
    try {
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist/index.js'), '');
      const p = pkg(dir, {
        name: 'x',
        main: './dist/index.js',
        types: './dist/index.d.ts',
        exports: {
          '.': { import: './dist/index.js', require: './dist/index.cjs' },
          './schema/*': './schema/*.avsc',
          './package.json': './package.json',
        },
      });
      expect(missingEntries(p)).toEqual(['./dist/index.d.ts', './dist/index.cjs', './package.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('publishRegistry', () => {
  it('takes the flag, then CHARTER_PUBLISH_REGISTRY, then NPM_CONFIG_REGISTRY', () => {
    const env = { CHARTER_PUBLISH_REGISTRY: 'http://a/', NPM_CONFIG_REGISTRY: 'http://b/' };
    expect(publishRegistry('http://flag/', env)).toBe('http://flag/');
    expect(publishRegistry(undefined, env)).toBe('http://a/');
    expect(publishRegistry(undefined, { NPM_CONFIG_REGISTRY: 'http://b/' })).toBe('http://b/');
    expect(publishRegistry(undefined, { npm_config_registry: 'http://c/' })).toBe('http://c/');
    expect(publishRegistry(undefined, { CHARTER_PUBLISH_REGISTRY: ' ' })).toBeUndefined();
  });
});

/** A pnpm workspace: one event package depending on one runtime package, and a tool it only develops with. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'charter-publish-'));
  const write = (path: string, content: string | object) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  write('package.json', { name: 'fixture', private: true });
  write('pnpm-workspace.yaml', 'packages:\n  - generated/*\n  - packages/*\n');
  write('charter.yaml', 'scope: "@acme-events"\nevents: []\n');
  write('generated/order-placed/package.json', {
    name: '@acme-events/order-placed',
    version: '1.0.0',
    main: './dist/index.js',
    exports: { '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' } } },
    files: ['dist'],
    dependencies: { '@fixture/runtime': 'workspace:^' },
    devDependencies: { '@fixture/tool': 'workspace:*' },
    charter: { schema: 'shop.OrderPlaced' },
  });
  write('packages/runtime/package.json', {
    name: '@fixture/runtime',
    version: '0.3.0',
    main: './dist/index.js',
    files: ['dist'],
  });
  write('packages/runtime/dist/index.js', 'export const runtime = 1;\n');
  write('packages/tool/package.json', { name: '@fixture/tool', version: '0.1.0' });
  // pnpm publish rewrites workspace: ranges from what is installed (only workspace links here)
  execFileSync('pnpm', ['install', '--offline'], { cwd: root, stdio: 'ignore' });
  return root;
}

describe('charter release publish', () => {
  let registry: RunningVerdaccio;
  const roots: string[] = [];
  beforeAll(async () => {
    registry = await startVerdaccio();
  });
  afterAll(async () => {
    await registry?.stop();
    rmSync(registry.dir, { recursive: true, force: true });
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  it('exits 2 without a registry', async () => {
    const saved = PUBLISH_REGISTRY_ENV.map((k) => [k, process.env[k]] as const);
    for (const k of PUBLISH_REGISTRY_ENV) delete process.env[k];
    try {
      const root = workspace();
      roots.push(root);
      const r = await runCli(['release', 'publish'], root);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error REL003: no registry to publish to');
    } finally {
      for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
    }
  });

  it('refuses packages that are not built', async () => {
    const root = workspace();
    roots.push(root);
    const r = await runCli(['release', 'publish', '--registry', registry.url], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error REL004: @acme-events/order-placed is not built: ./dist/index.js, ./dist/index.d.ts missing',
    );
  });

  it('publishes the event packages and their runtime, and skips versions already there', async () => {
    const root = workspace();
    roots.push(root);
    mkdirSync(join(root, 'generated/order-placed/dist'));
    writeFileSync(join(root, 'generated/order-placed/dist/index.js'), 'export const order = 1;\n');
    writeFileSync(join(root, 'generated/order-placed/dist/index.d.ts'), 'export declare const order: 1;\n');

    const dry = await runCli(['release', 'publish', '--registry', registry.url, '--dry-run'], root);
    expect(dry.stdout.trim().split('\n')).toEqual([
      `would publish @acme-events/order-placed@1.0.0 unless ${registry.url} has it`,
      `would publish @fixture/runtime@0.3.0 unless ${registry.url} has it`,
    ]);

    const first = await runCli(['release', 'publish', '--registry', registry.url], root);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('published @acme-events/order-placed@1.0.0\n');
    expect(first.stdout).toContain('published @fixture/runtime@0.3.0\n');
    expect(first.stdout).toContain(`published 2 of 2 packages to ${registry.url} (0 already there)`);
    const meta = (await (await fetch(`${registry.url}/@acme-events%2forder-placed`)).json()) as {
      versions: Record<string, { dependencies: Record<string, string> }>;
    };
    expect(meta.versions['1.0.0']?.dependencies).toEqual({ '@fixture/runtime': '^0.3.0' });
    expect((await fetch(`${registry.url}/@fixture%2ftool`)).status).toBe(404);

    const again = await runCli(['release', 'publish', '--registry', registry.url], root);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`published 0 of 2 packages to ${registry.url} (2 already there)\n`);
  });
});
