import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GitFixture } from './check-git-fixture.js';
import { runCli } from './run-cli.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

const CHARTER_YAML = `scope: "@acme-events"
events:
  - schema: shop.orders.OrderPlaced
    topic: orders
    compatibility: FULL_TRANSITIVE
`;

const order = (body: string) => `namespace shop.orders;
schema OrderPlaced;

/** An order was placed. */
record OrderPlaced {
  string orderId;
${body}}
`;

const orderV1 = {
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'shop.orders',
  doc: 'An order was placed.',
  fields: [{ name: 'orderId', type: 'string' }],
};

const fixtures: GitFixture[] = [];
afterAll(() => {
  for (const f of fixtures) rmSync(f.root, { recursive: true, force: true });
});

/**
 * A pnpm workspace with one event package, released as 1.0.0 (or unreleased at 0.1.0), and the repo's
 * node_modules linked in so that changesets finds its changelog generator.
 */
function workspace(released: boolean): GitFixture {
  const repo = new GitFixture();
  fixtures.push(repo);
  repo.write('package.json', { name: 'fixture', private: true });
  repo.write('pnpm-workspace.yaml', 'packages:\n  - generated/*\n');
  repo.write('.gitignore', 'node_modules\n');
  repo.write('.changeset/config.json', readFileSync(join(REPO_ROOT, '.changeset/config.json'), 'utf8'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(repo.root, 'node_modules'));
  repo.write('charter.yaml', CHARTER_YAML);
  repo.write('idl/orders/order-placed.avdl', order(''));
  if (released) repo.release('order-placed', '@acme-events/order-placed', '1.0.0', orderV1);
  else {
    repo.write('generated/order-placed/package.json', {
      name: '@acme-events/order-placed',
      version: '0.1.0',
    });
    repo.write('generated/order-placed/schema/shop.orders.OrderPlaced.avsc', orderV1);
  }
  repo.commit('contracts');
  return repo;
}

const read = (repo: GitFixture, path: string) => readFileSync(join(repo.root, path), 'utf8');
const version = (repo: GitFixture) =>
  (JSON.parse(read(repo, 'generated/order-placed/package.json')) as { version: string }).version;
const changeset = (bump: string) => `---\n"@acme-events/order-placed": ${bump}\n---\n\nSomething changed.\n`;

describe('charter release version', () => {
  it('refuses a breaking change declared less than major, and versions nothing', async () => {
    const repo = workspace(true);
    repo.write('idl/orders/order-placed.avdl', order('  string region;\n'));
    repo.write('.changeset/region.md', changeset('minor'));
    const r = await runCli(['release', 'version'], repo.root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /idl\/orders\/order-placed\.avdl:5:8: error REL002: shop\.orders\.OrderPlaced breaks FULL_TRANSITIVE compatibility with v1\.0\.0 and needs a major release of @acme-events\/order-placed, but the changesets declare minor/,
    );
    expect(r.stderr).toContain('field `region` has no default in the new schema and is missing in v1.0.0');
    expect(r.stderr).toContain('release refused: nothing was versioned');
    expect(version(repo)).toBe('1.0.0');
    expect(existsSync(join(repo.root, '.changeset/region.md'))).toBe(true);
    expect(existsSync(join(repo.root, 'generated/order-placed/CHANGELOG.md'))).toBe(false);
    expect(readdirSync(join(repo.root, 'generated/order-placed/releases'))).toEqual(['1.0.0.avsc']);
  });

  it('refuses an under-declared compatible change with check’s diagnostic', async () => {
    const repo = workspace(true);
    repo.write('idl/orders/order-placed.avdl', order('  string? note = null;\n'));
    repo.write('.changeset/note.md', changeset('patch'));
    const r = await runCli(['release', 'version'], repo.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error CMP020');
    expect(version(repo)).toBe('1.0.0');
  });

  it('versions a minor, records its schema and writes the changelog from charter changeset', async () => {
    const repo = workspace(true);
    repo.write('idl/orders/order-placed.avdl', order('  /** A note. */\n  string? note = null;\n'));
    expect((await runCli(['changeset'], repo.root)).code).toBe(0);
    const r = await runCli(['release', 'version'], repo.root);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '@acme-events/order-placed 1.0.0 → 1.1.0: recorded generated/order-placed/releases/1.1.0.avsc\n' +
        'versioned 1 event package\n',
    );
    expect(version(repo)).toBe('1.1.0');
    const recorded = JSON.parse(read(repo, 'generated/order-placed/releases/1.1.0.avsc'));
    expect(recorded.fields.map((f: { name: string }) => f.name)).toEqual(['orderId', 'note']);
    const changelog = read(repo, 'generated/order-placed/CHANGELOG.md');
    expect(changelog).toContain('## 1.1.0');
    expect(changelog).toContain('### Minor Changes');
    expect(changelog).toContain(
      '- `shop.orders.OrderPlaced` since v1.0.0: a compatible change under FULL_TRANSITIVE (minor).\n' +
        '  - Added field `OrderPlaced.note`: optional string, default `null`. A note.',
    );
    expect(existsSync(join(repo.root, '.changeset/charter-order-placed.md'))).toBe(false);

    repo.commit('version packages');
    const check = await runCli(['check'], repo.root);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('unchanged since v1.1.0');
  });

  it('versions a breaking change declared major, warning that the registry will refuse it', async () => {
    const repo = workspace(true);
    repo.write('idl/orders/order-placed.avdl', order('  string region;\n'));
    await runCli(['changeset'], repo.root);
    const r = await runCli(['release', 'version'], repo.root);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'idl/orders/order-placed.avdl:5:8: warning REL008: shop.orders.OrderPlaced breaks FULL_TRANSITIVE',
    );
    expect(r.stdout).toContain('@acme-events/order-placed 1.0.0 → 2.0.0');
    expect(existsSync(join(repo.root, 'generated/order-placed/releases/2.0.0.avsc'))).toBe(true);
  });

  it('takes a never-released contract to 1.0.0', async () => {
    const repo = workspace(false);
    await runCli(['changeset'], repo.root);
    const r = await runCli(['release', 'version'], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('@acme-events/order-placed 0.1.0 → 1.0.0: recorded');
    expect(JSON.parse(read(repo, 'generated/order-placed/releases/1.0.0.avsc'))).toEqual(orderV1);
    expect(read(repo, 'generated/order-placed/CHANGELOG.md')).toContain(
      '### Major Changes\n\n- First release of `shop.orders.OrderPlaced` (topic `orders`, subject `orders-value`, FULL_TRANSITIVE).',
    );
  });

  it('refuses to record a version that already has another schema', async () => {
    const repo = workspace(true);
    repo.write('generated/order-placed/releases/1.1.0.avsc', { ...orderV1, doc: 'Another schema.' });
    repo.commit('a stray release');
    repo.write('idl/orders/order-placed.avdl', order('  string? note = null;\n'));
    repo.write('.changeset/note.md', changeset('minor'));
    const r = await runCli(['release', 'version'], repo.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'generated/order-placed/releases/1.1.0.avsc: error REL006: @acme-events/order-placed@1.1.0 is already recorded with another schema',
    );
    expect(version(repo)).toBe('1.0.0');
  });

  it('reports a failing changeset version and records nothing', async () => {
    const repo = workspace(true);
    repo.write('.changeset/ghost.md', '---\n"@acme-events/no-such-package": minor\n---\n\nGhost.\n');
    const r = await runCli(['release', 'version'], repo.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('@acme-events/no-such-package');
    expect(r.stderr).toMatch(/error REL005: changeset version failed \(exit code [1-9]\d*\)/);
    expect(version(repo)).toBe('1.0.0');
  });

  it('has nothing to do without changesets', async () => {
    const repo = workspace(true);
    const r = await runCli(['release', 'version'], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no changesets: nothing to version\n');
  });
});
