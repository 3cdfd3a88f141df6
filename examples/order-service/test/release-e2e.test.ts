// End to end: release every contract of a copy of this repository to a real npm registry (Verdaccio),
// install @acme-events/order-placed@^1 from it into a service outside the monorepo, produce and consume
// events through @charter/serde against the embedded schema registry, release a compatible change as a
// minor that the old consumer still reads, and see a breaking change refused unless it is a major.
//
// The copy is a clone of this repository's HEAD (commit what you want tested); nothing here writes to
// the repository itself.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningRegistry, startRegistryServer } from '@charter/registry-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningVerdaccio, startVerdaccio } from '../../../scripts/verdaccio/verdaccio.mjs';
import { must, type RunResult, run } from './support/run.js';
import { deployedDependencies, type InstalledService, installService, npmrc } from './support/service.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '../../..');
const CHECKOUTS = join(HERE, 'fixtures/checkouts.json');
const ORDER_IDL = 'idl/orders/order-placed.avdl';

let work: string;
let repo: string;
let verdaccio: RunningVerdaccio;
let registry: RunningRegistry;
let npmCache: string;
/** Service A: installed right after the first release, stays on 1.0.0. */
let serviceA: InstalledService;

const git = (...args: string[]) => must('git', args, { cwd: repo });
const charter = (...args: string[]) =>
  run(process.execPath, [join(repo, 'packages/cli/dist/bin.js'), ...args], { cwd: repo });
const release = (): Promise<RunResult> =>
  run('pnpm', ['release'], { cwd: repo, env: { CHARTER_PUBLISH_REGISTRY: verdaccio.url } });
const read = (path: string) => readFileSync(join(repo, path), 'utf8');
const version = (slug: string) => JSON.parse(read(`generated/${slug}/package.json`)).version as string;
const slugs = () =>
  readdirSync(join(repo, 'generated')).filter((s) => existsSync(join(repo, 'generated', s, 'package.json')));

async function published(name: string): Promise<{ versions: string[]; latest: string | undefined }> {
  const response = await fetch(`${verdaccio.url}/${name.replace('/', '%2f')}`);
  if (response.status === 404) return { versions: [], latest: undefined };
  const body = (await response.json()) as {
    versions: Record<string, unknown>;
    'dist-tags': { latest?: string };
  };
  return { versions: Object.keys(body.versions), latest: body['dist-tags'].latest };
}

function editIdl(from: string, to: string): void {
  const text = read(ORDER_IDL);
  expect(text).toContain(from);
  writeFileSync(join(repo, ORDER_IDL), text.replace(from, to));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'charter-release-e2e-'));
  repo = join(work, 'repo');
  npmCache = join(work, 'npm-cache');
  await must('git', ['clone', '--quiet', '--no-hardlinks', REPO, repo], { cwd: work });
  // A repository of its own: main is the released branch, no origin to compare against.
  await git('checkout', '-q', '-B', 'main');
  await git('remote', 'remove', 'origin');
  await git('config', 'user.name', 'Release Bot');
  await git('config', 'user.email', 'release@example.com');
  await must('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], { cwd: repo });
  [verdaccio, registry] = await Promise.all([
    startVerdaccio({ dir: join(work, 'verdaccio') }),
    startRegistryServer({ host: '127.0.0.1', port: 0, dataDir: join(work, 'schema-registry'), quiet: true }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([verdaccio?.stop(), registry?.close()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('releasing event contracts to an npm registry', () => {
  it('releases every contract as 1.0.0 with the changesets charter derives', async () => {
    const toolchainStarted = performance.now();
    await must('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@charter/cli'], { cwd: repo });
    const toolchainSeconds = (performance.now() - toolchainStarted) / 1000;
    const events = slugs();
    expect(events.length).toBeGreaterThanOrEqual(10);

    const first = await charter('changeset');
    expect(first.code, first.stderr).toBe(0);
    for (const slug of events) {
      expect(first.stdout).toContain(`major (first release): write .changeset/charter-${slug}.md`);
    }
    expect(read('.changeset/charter-order-placed.md')).toContain(
      'First release of `com.acme.orders.OrderPlaced` (topic `orders.order-placed`, subject `orders.order-placed-value`, FULL_TRANSITIVE).',
    );
    const again = await charter('changeset');
    expect(again.stdout).toContain(`wrote 0 changesets; ${events.length} contracts to release`);
    expect((await charter('check')).code).toBe(0);

    const started = performance.now();
    const r = await release();
    const seconds = (performance.now() - started) / 1000;
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    process.stdout.write(
      `cold build of the charter toolchain in the fresh clone: ${toolchainSeconds.toFixed(1)} s\n` +
        `pnpm release of all ${events.length} contracts: ${seconds.toFixed(1)} s; ` +
        `${r.stderr.split('\n').find((l) => l.startsWith('release: done')) ?? ''}\n`,
    );

    for (const slug of events) {
      expect(version(slug)).toBe('1.0.0');
      const schemaFile = readdirSync(join(repo, 'generated', slug, 'schema'))[0]!;
      expect(read(`generated/${slug}/releases/1.0.0.avsc`)).toBe(
        read(`generated/${slug}/schema/${schemaFile}`),
      );
      expect(read(`generated/${slug}/CHANGELOG.md`)).toMatch(
        /## 1\.0\.0\n\n### Major Changes\n\n- First release of/,
      );
      const name = JSON.parse(read(`generated/${slug}/package.json`)).name as string;
      expect(await published(name)).toEqual({ versions: ['1.0.0'], latest: '1.0.0' });
    }
    expect(readdirSync(join(repo, '.changeset')).filter((n) => n.startsWith('charter-'))).toEqual([]);
    // the runtime a service needs came along: every @charter/* dependency, transitively, is there too
    const runtime = new Set<string>();
    const pending = ['@acme-events/order-placed'];
    while (pending.length > 0) {
      const name = pending.pop()!;
      const response = await fetch(`${verdaccio.url}/${name.replace('/', '%2f')}`);
      expect(response.status, `${name} is on the registry`).toBe(200);
      const body = (await response.json()) as {
        'dist-tags': { latest: string };
        versions: Record<string, { dependencies?: Record<string, string> }>;
      };
      for (const dep of Object.keys(body.versions[body['dist-tags'].latest]?.dependencies ?? {})) {
        if (dep.startsWith('@charter/') && !runtime.has(dep)) {
          runtime.add(dep);
          pending.push(dep);
        }
      }
    }
    expect(runtime).toContain('@charter/serde');
    expect((await published('@charter/cli')).versions).toEqual([]);

    // the release changed versions, changelogs, released schemas and consumed changesets; nothing else
    const status = (await git('status', '--porcelain', '--untracked-files=all')).stdout;
    const changed = status
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    expect(changed.filter((p) => !/^(generated\/|\.changeset\/)/.test(p))).toEqual([]);
    await git('add', '-A');
    await git('commit', '-q', '-m', 'Version packages');
    const registered = await charter('register', '--registry', registry.url);
    expect(registered.code, registered.stderr).toBe(0);
  }, 300_000);

  it('installs @acme-events/order-placed@^1 into a service outside the monorepo, which produces and consumes', async () => {
    const dependencies = deployedDependencies(repo);
    expect(dependencies['@acme-events/order-placed']).toBe('^1.0.0');
    serviceA = await installService(repo, join(work, 'service-a'), verdaccio.url, dependencies, npmCache);
    expect(serviceA.contractVersion).toBe('1.0.0');
    expect(existsSync(join(serviceA.dir, 'node_modules/@charter/serde/package.json'))).toBe(true);

    const messages = join(work, 'v1.jsonl');
    await serviceA.produce(registry.url, CHECKOUTS, messages);
    const consumed = await serviceA.consume(registry.url, messages);
    expect(consumed.map((c) => [c.reader, c.pickList.orderId, c.pickList.total, c.pickList.payment])).toEqual(
      [
        ['1.0.0', '0b7f3a52-2b1c-4c35-9d2e-6f0a1c2b3d4e', '64.65 EUR', 'CardPayment'],
        ['1.0.0', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', '29.97 GBP', 'unpaid'],
      ],
    );
    expect(consumed[1]!.pickList.giftNote).toBe('Happy birthday!');
  }, 120_000);

  it('releases a compatible change as a minor that the old consumer still reads', async () => {
    editIdl(
      '  string? giftNote = null;\n',
      '  string? giftNote = null;\n  /** A promotion code the customer entered at checkout. */\n  string? couponCode = null;\n',
    );
    const cs = await charter('changeset');
    expect(cs.stdout).toContain(
      '+ @acme-events/order-placed minor (since v1.0.0): write .changeset/charter-order-placed.md',
    );
    expect(read('.changeset/charter-order-placed.md')).toContain(
      '- Added field `OrderPlaced.couponCode`: optional string, default `null`. A promotion code the customer entered at checkout.',
    );
    // charter check fails a changeset that declares too little
    const file = join(repo, '.changeset/charter-order-placed.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(': minor', ': patch'));
    const under = await charter('check');
    expect(under.code).toBe(1);
    expect(under.stderr).toContain('error CMP020');
    await charter('changeset');
    expect((await charter('check')).code).toBe(0);

    const r = await release();
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(version('order-placed')).toBe('1.1.0');
    expect(version('order-confirmed')).toBe('1.0.0');
    expect(JSON.parse(read('generated/order-placed/releases/1.1.0.avsc')).fields.at(-1).name).toBe(
      'couponCode',
    );
    expect(read('generated/order-placed/CHANGELOG.md')).toContain(
      '## 1.1.0\n\n### Minor Changes\n\n- `com.acme.orders.OrderPlaced` since v1.0.0: a compatible change under FULL_TRANSITIVE (minor).\n' +
        '  - Added field `OrderPlaced.couponCode`',
    );
    expect(read('generated/order-placed/README.md')).toContain(
      '| `couponCode` | `string \\| null` | `null` |',
    );
    expect(await published('@acme-events/order-placed')).toEqual({
      versions: ['1.0.0', '1.1.0'],
      latest: '1.1.0',
    });
    expect((await published('@acme-events/order-confirmed')).versions).toEqual(['1.0.0']);
    await git('add', '-A');
    await git('commit', '-q', '-m', 'Version packages');
    const check = await charter('check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('unchanged since v1.1.0');
    const registered = await charter('register', '--registry', registry.url);
    expect(registered.code, registered.stderr).toBe(0);

    // Service B installs the same range and gets the minor; the checkout team's producer sets the new field.
    const serviceB = await installService(
      repo,
      join(work, 'service-b'),
      verdaccio.url,
      { ...deployedDependencies(repo), '@acme-events/order-placed': '^1.0.0' },
      npmCache,
    );
    expect(serviceB.contractVersion).toBe('1.1.0');
    cpSync(join(HERE, 'fixtures/coupon-checkout.mjs'), join(serviceB.dir, 'coupon-checkout.mjs'));
    const v11 = join(work, 'v1.1.jsonl');
    await must(process.execPath, ['coupon-checkout.mjs', registry.url, v11], { cwd: serviceB.dir });
    const v11Plain = join(work, 'v1.1-plain.jsonl');
    await serviceB.produce(registry.url, CHECKOUTS, v11Plain);

    // The old consumer (1.0.0) reads events written with 1.1.0: couponCode is dropped by resolution.
    const old = await serviceA.consume(registry.url, v11);
    expect(old).toHaveLength(1);
    expect(old[0]!.reader).toBe('1.0.0');
    expect(old[0]!.pickList).toMatchObject({
      orderId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      total: '10.00 EUR',
    });
    expect(old[0]!.event).not.toHaveProperty('couponCode');
    expect((await serviceA.consume(registry.url, v11Plain)).map((c) => c.pickList.total)).toEqual([
      '64.65 EUR',
      '29.97 GBP',
    ]);
    // ... and the new consumer reads both versions, the old events with the default.
    const fresh = await serviceB.consume(registry.url, v11);
    expect(fresh[0]!.event.couponCode).toBe('SPRING10');
    const oldEvents = await serviceB.consume(registry.url, join(work, 'v1.jsonl'));
    expect(oldEvents.map((c) => c.event.couponCode)).toEqual([null, null]);
    expect(oldEvents[0]!.writerSchemaId).not.toBe(fresh[0]!.writerSchemaId);
  }, 300_000);

  it('refuses a breaking change unless it is released as a major, which ^1 consumers never get', async () => {
    // Wallet payments are dropped: data written with 1.x holding a Wallet can no longer be read.
    editIdl(
      'union { null, com.acme.payments.CardPayment, com.acme.payments.BankTransfer, com.acme.payments.Wallet } paymentMethod = null;',
      'union { null, com.acme.payments.CardPayment, com.acme.payments.BankTransfer } paymentMethod = null;',
    );
    await charter('changeset');
    const changeset = read('.changeset/charter-order-placed.md');
    expect(changeset).toContain('"@acme-events/order-placed": major');
    expect(changeset).toContain('a breaking change under FULL_TRANSITIVE (major).');
    expect(changeset).toContain(
      '- Changed the type of `OrderPlaced.paymentMethod` from optional CardPayment, BankTransfer or Wallet to optional CardPayment or BankTransfer.',
    );
    expect(changeset).toContain(
      '- Breaks: Consumers using the new schema cannot read data written with v1.0.0 and v1.1.0',
    );

    // declared as a minor: the release refuses and versions nothing
    const file = join(repo, '.changeset/charter-order-placed.md');
    writeFileSync(file, changeset.replace(': major', ': minor'));
    const refused = await release();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /error REL002: com\.acme\.orders\.OrderPlaced breaks FULL_TRANSITIVE compatibility with v1\.0\.0, v1\.1\.0 and needs a major release of @acme-events\/order-placed, but the changesets declare minor/,
    );
    expect(refused.stderr).toContain('release refused: nothing was versioned');
    expect(version('order-placed')).toBe('1.1.0');
    expect(existsSync(join(repo, 'generated/order-placed/releases/1.2.0.avsc'))).toBe(false);
    expect(read('generated/order-placed/CHANGELOG.md')).not.toContain('## 1.2.0');
    expect(existsSync(file)).toBe(true);
    expect((await published('@acme-events/order-placed')).versions).toEqual(['1.0.0', '1.1.0']);

    // declared as the major charter derives: released as 2.0.0, with a warning about the subject
    await charter('changeset');
    const r = await release();
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stderr).toContain('warning REL008');
    expect(version('order-placed')).toBe('2.0.0');
    expect(existsSync(join(repo, 'generated/order-placed/releases/2.0.0.avsc'))).toBe(true);
    expect(await published('@acme-events/order-placed')).toEqual({
      versions: ['1.0.0', '1.1.0', '2.0.0'],
      latest: '2.0.0',
    });

    // A service asking for ^1 still gets 1.1.0.
    const dir = join(work, 'service-c');
    await must('mkdir', ['-p', dir], { cwd: work });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'c', private: true, dependencies: { '@acme-events/order-placed': '^1.0.0' } }),
    );
    writeFileSync(join(dir, '.npmrc'), npmrc(verdaccio.url, npmCache));
    await must('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
    expect(
      JSON.parse(readFileSync(join(dir, 'node_modules/@acme-events/order-placed/package.json'), 'utf8'))
        .version,
    ).toBe('1.1.0');

    // and the registry, which holds the 1.x schemas under FULL_TRANSITIVE, refuses the new one
    await git('add', '-A');
    await git('commit', '-q', '-m', 'Version packages');
    const register = await charter('register', '--registry', registry.url);
    expect(register.code).toBe(1);
    expect(register.stderr).toContain('orders.order-placed-value');
  }, 300_000);
});
