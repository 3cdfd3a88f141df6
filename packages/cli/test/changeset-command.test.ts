import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { GitFixture } from './check-git-fixture.js';
import { runCli } from './run-cli.js';

const CHARTER_YAML = `scope: "@acme-events"
defaults:
  compatibility: BACKWARD
events:
  - schema: shop.orders.OrderPlaced
    topic: orders
    compatibility: FULL_TRANSITIVE
  - schema: shop.payments.PaymentTaken
    topic: payments
`;

const order = (body: string, doc = 'An order was placed.') => `namespace shop.orders;
schema OrderPlaced;

enum Channel { WEB, STORE } = WEB;

/** ${doc} */
record OrderPlaced {
  string orderId;
  Channel channel = "WEB";
${body}}
`;

const payment = `namespace shop.payments;
schema PaymentTaken;

record PaymentTaken {
  string paymentId;
  long amountCents;
}
`;

const orderV1 = {
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'shop.orders',
  doc: 'An order was placed.',
  fields: [
    { name: 'orderId', type: 'string' },
    {
      name: 'channel',
      type: { type: 'enum', name: 'Channel', symbols: ['WEB', 'STORE'], default: 'WEB' },
      default: 'WEB',
    },
    { name: 'amount', type: 'long' },
  ],
};

const paymentV1 = {
  type: 'record',
  name: 'PaymentTaken',
  namespace: 'shop.payments',
  fields: [
    { name: 'paymentId', type: 'string' },
    { name: 'amountCents', type: 'long' },
  ],
};

const fixtures: GitFixture[] = [];
afterAll(() => {
  for (const f of fixtures) rmSync(f.root, { recursive: true, force: true });
});

/** A project with two events; `released` commits version 1.0.0 of both, else they are unreleased 0.1.0. */
function project(released: boolean): GitFixture {
  const repo = new GitFixture();
  fixtures.push(repo);
  repo.write('charter.yaml', CHARTER_YAML);
  repo.write('idl/orders/order-placed.avdl', order('  long amount;\n'));
  repo.write('idl/payments/payment-taken.avdl', payment);
  repo.write('.changeset/README.md', '# Changesets\n');
  if (released) {
    repo.release('order-placed', '@acme-events/order-placed', '1.0.0', orderV1);
    repo.release('payment-taken', '@acme-events/payment-taken', '1.0.0', paymentV1);
  } else {
    for (const [slug, schema] of [
      ['order-placed', orderV1],
      ['payment-taken', paymentV1],
    ] as const) {
      repo.write(`generated/${slug}/package.json`, { name: `@acme-events/${slug}`, version: '0.1.0' });
      repo.write(`generated/${slug}/schema/${schema.namespace}.${schema.name}.avsc`, schema);
    }
  }
  repo.commit('contracts');
  return repo;
}

const read = (repo: GitFixture, path: string) => readFileSync(join(repo.root, path), 'utf8');
const changesetFiles = (repo: GitFixture) =>
  readdirSync(join(repo.root, '.changeset'))
    .filter((n) => n !== 'README.md')
    .sort();

describe('charter changeset: first release', () => {
  const repo = project(false);

  it('writes a major changeset per never-released contract, listing its fields', async () => {
    const r = await runCli(['changeset'], repo.root);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('charter changeset against main: 2 events');
    expect(r.stdout).toContain(
      '+ @acme-events/order-placed major (first release): write .changeset/charter-order-placed.md',
    );
    expect(r.stdout).toContain('wrote 2 changesets; 2 contracts to release, 0 unchanged');
    expect(changesetFiles(repo)).toEqual(['charter-order-placed.md', 'charter-payment-taken.md']);
    expect(read(repo, '.changeset/charter-order-placed.md')).toBe(
      [
        '---',
        '"@acme-events/order-placed": major',
        '---',
        '',
        'First release of `shop.orders.OrderPlaced` (topic `orders`, subject `orders-value`, FULL_TRANSITIVE).',
        '- `orderId`: string.',
        '- `channel`: enum Channel, default `"WEB"`.',
        '- `amount`: long.',
        '',
      ].join('\n'),
    );
  });

  it('is idempotent', async () => {
    const before = read(repo, '.changeset/charter-order-placed.md');
    const r = await runCli(['changeset'], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '= @acme-events/order-placed major (first release): .changeset/charter-order-placed.md is up to date',
    );
    expect(r.stdout).toContain('wrote 0 changesets');
    expect(read(repo, '.changeset/charter-order-placed.md')).toBe(before);
    expect(changesetFiles(repo)).toHaveLength(2);
  });

  it('satisfies charter check', async () => {
    const r = await runCli(['check'], repo.root);
    expect(r.code).toBe(0);
  });
});

describe('charter changeset: changes since the last release', () => {
  const repo = project(true);
  beforeEach(() => {
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n'));
    for (const name of changesetFiles(repo)) repo.remove(`.changeset/${name}`);
  });

  it('writes nothing when no contract changed', async () => {
    const r = await runCli(['changeset'], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote 0 changesets; 0 contracts to release, 2 unchanged');
    expect(changesetFiles(repo)).toEqual([]);
  });

  it('declares a compatible change minor and says what changed; charter check agrees', async () => {
    repo.write(
      'idl/orders/order-placed.avdl',
      order('  long amount;\n  /** A promotion code. */\n  string? couponCode = null;\n'),
    );
    const r = await runCli(['changeset'], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '+ @acme-events/order-placed minor (since v1.0.0): write .changeset/charter-order-placed.md',
    );
    expect(changesetFiles(repo)).toEqual(['charter-order-placed.md']);
    expect(read(repo, '.changeset/charter-order-placed.md')).toBe(
      [
        '---',
        '"@acme-events/order-placed": minor',
        '---',
        '',
        '`shop.orders.OrderPlaced` since v1.0.0: a compatible change under FULL_TRANSITIVE (minor).',
        '- Added field `OrderPlaced.couponCode`: optional string, default `null`. A promotion code.',
        '',
      ].join('\n'),
    );
    expect((await runCli(['check'], repo.root)).code).toBe(0);
  });

  it('lets charter check fail an under-declared or missing changeset, and rewrites its own file', async () => {
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n  string? couponCode = null;\n'));
    await runCli(['changeset'], repo.root);
    const file = '.changeset/charter-order-placed.md';
    repo.write(file, read(repo, file).replace(': minor', ': patch'));
    const under = await runCli(['check'], repo.root);
    expect(under.code).toBe(1);
    expect(under.stderr).toMatch(
      /error CMP020: .*needs a minor release of @acme-events\/order-placed, but the changesets declare only patch/,
    );

    const again = await runCli(['changeset'], repo.root);
    expect(again.stdout).toContain('+ @acme-events/order-placed minor (since v1.0.0): write');
    expect(read(repo, file)).toContain('"@acme-events/order-placed": minor');
    expect((await runCli(['check'], repo.root)).code).toBe(0);

    repo.remove(file);
    const missing = await runCli(['check'], repo.root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error CMP021');
  });

  it('declares a docs-only change patch', async () => {
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n', 'A customer placed an order.'));
    await runCli(['changeset'], repo.root);
    expect(read(repo, '.changeset/charter-order-placed.md')).toContain(
      [
        '"@acme-events/order-placed": patch',
        '---',
        '',
        '`shop.orders.OrderPlaced` since v1.0.0: only docs, aliases or other properties changed (patch).',
        '- Changed the doc of record `OrderPlaced`: A customer placed an order.',
      ].join('\n'),
    );
  });

  it('declares a breaking change major and says who can no longer read whom', async () => {
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n  string region;\n'));
    const r = await runCli(['changeset'], repo.root);
    expect(r.stdout).toContain('+ @acme-events/order-placed major (since v1.0.0)');
    const text = read(repo, '.changeset/charter-order-placed.md');
    expect(text).toContain('"@acme-events/order-placed": major');
    expect(text).toContain('a breaking change under FULL_TRANSITIVE (major).');
    expect(text).toContain('- Added required field `OrderPlaced.region`: string, no default.');
    expect(text).toContain(
      '- Breaks: Consumers using the new schema cannot read data written with v1.0.0: field `region` has no default in the new schema and is missing in v1.0.0.',
    );
  });

  it('removes its own changeset once the contract is back to its released schema', async () => {
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n  string? couponCode = null;\n'));
    await runCli(['changeset'], repo.root);
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n'));
    const r = await runCli(['changeset'], repo.root);
    expect(r.stdout).toContain(
      '- @acme-events/order-placed: unchanged since v1.0.0, remove .changeset/charter-order-placed.md',
    );
    expect(changesetFiles(repo)).toEqual([]);
  });

  it('does not duplicate a changeset someone wrote, unless it declares too little', async () => {
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n  string? couponCode = null;\n'));
    repo.write('.changeset/coupons.md', '---\n"@acme-events/order-placed": minor\n---\n\nCoupons.\n');
    const covered = await runCli(['changeset'], repo.root);
    expect(covered.stdout).toContain(
      '= @acme-events/order-placed minor (since v1.0.0): declared minor by .changeset/coupons.md',
    );
    expect(changesetFiles(repo)).toEqual(['coupons.md']);

    repo.write('.changeset/coupons.md', '---\n"@acme-events/order-placed": patch\n---\n\nCoupons.\n');
    await runCli(['changeset'], repo.root);
    expect(changesetFiles(repo)).toEqual(['charter-order-placed.md', 'coupons.md']);
    expect(read(repo, '.changeset/coupons.md')).toContain(': patch');
  });

  it('writes nothing with --dry-run', async () => {
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n  string? couponCode = null;\n'));
    const r = await runCli(['changeset', '--dry-run'], repo.root);
    expect(r.stdout).toContain('would write .changeset/charter-order-placed.md');
    expect(r.stdout).toContain('would write 1 changeset;');
    expect(changesetFiles(repo)).toEqual([]);
  });

  it('compares with the ref given by --against', async () => {
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n  string? couponCode = null;\n'));
    repo.git('tag', 'v1');
    const r = await runCli(['changeset', '--against', 'v1'], repo.root);
    expect(r.stdout).toContain('charter changeset against v1: 2 events');
    expect(existsSync(join(repo.root, '.changeset/charter-order-placed.md'))).toBe(true);
  });
});

describe('charter changeset: errors', () => {
  it('exits 2 outside a project, on an unknown ref and on extra arguments', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'charter-changeset-'));
    try {
      const outside = await runCli(['changeset'], empty);
      expect(outside.code).toBe(2);
      expect(outside.stderr).toContain(
        'error CLI002: no charter.yaml in this directory or a parent directory',
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    const plain = mkdtempSync(join(tmpdir(), 'charter-changeset-'));
    try {
      writeFileSync(join(plain, 'charter.yaml'), CHARTER_YAML);
      const notGit = await runCli(['changeset'], plain);
      expect(notGit.code).toBe(2);
      expect(notGit.stderr).toMatch(/error CLI004: .* is not in a git repository/);
      expect(notGit.stdout).toBe('');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    const repo = project(true);
    const ref = await runCli(['changeset', '--against', 'nope'], repo.root);
    expect(ref.code).toBe(2);
    expect(ref.stderr).toContain('error CMP027: unknown git ref nope');
    expect((await runCli(['changeset', 'extra'], repo.root)).code).toBe(2);
  });

  it('exits 1 with the IDL diagnostics when a contract does not compile', async () => {
    const repo = project(true);
    repo.write('idl/orders/order-placed.avdl', order('  lng amount;\n'));
    const r = await runCli(['changeset'], repo.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/idl\/orders\/order-placed\.avdl:\d+:\d+: error IDL/);
    expect(r.stdout).toBe('');
  });
});
