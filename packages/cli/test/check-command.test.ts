import { beforeAll, describe, expect, it } from 'vitest';
import { GitFixture } from './check-git-fixture.js';
import { runCli } from './run-cli.js';

const CHARTER_YAML = `scope: "@acme-events"
defaults:
  compatibility: BACKWARD
events:
  - schema: shop.orders.OrderPlaced
    topic: orders
    compatibility: BACKWARD_TRANSITIVE
    topicSettings: { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 }
`;

const order = (body: string) => `namespace shop.orders;
schema OrderPlaced;

enum Status { PLACED, PAID }

/** An order was placed. */
record OrderPlaced {
  string orderId;
  Status status;
${body}}
`;

const released = (extra: object[] = []) => ({
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'shop.orders',
  doc: 'An order was placed.',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['PLACED', 'PAID'] } },
    ...extra,
  ],
});

const repo = new GitFixture();

beforeAll(() => {
  repo.write('charter.yaml', CHARTER_YAML);
  repo.write('idl/orders/order-placed.avdl', order('  long amount;\n'));
  repo.release(
    'order-placed',
    '@acme-events/order-placed',
    '1.0.0',
    released([{ name: 'amount', type: 'int' }]),
  );
  repo.release(
    'order-placed',
    '@acme-events/order-placed',
    '1.1.0',
    released([{ name: 'amount', type: 'long' }]),
  );
  repo.write('.changeset/README.md', '# Changesets\n');
  repo.commit('release 1.1.0');
});

function reset() {
  repo.write('idl/orders/order-placed.avdl', order('  long amount;\n'));
  repo.remove('.changeset/add-note.md');
  repo.remove('idl/payments');
}

describe('charter check', () => {
  it('passes when nothing changed, warning about durability settings', async () => {
    reset();
    const r = await runCli(['check'], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('charter check against main: 1 event');
    expect(r.stdout).toContain(
      '= shop.orders.OrderPlaced (orders-value, BACKWARD_TRANSITIVE): unchanged since v1.1.0',
    );
    expect(r.stdout).toContain(
      'charter.yaml:8:56: warning CFG008: shop.orders.OrderPlaced: topicSettings.replicationFactor is 1 (< 3: one broker loss can lose data)',
    );
    expect(r.stdout).toContain(
      'charter.yaml:8:78: warning CFG008: shop.orders.OrderPlaced: topicSettings.minInsyncReplicas is 1 (< 2: acks=all is then acknowledged by one replica)',
    );
    expect(r.stdout.trim().split('\n').at(-1)).toBe('check passed');
  });

  it('fails a compatible change without a changeset, and passes once one declares the bump', async () => {
    reset();
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n  string? note = null;\n'));
    const missing = await runCli(['check'], repo.root);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain(
      '✗ shop.orders.OrderPlaced (orders-value, BACKWARD_TRANSITIVE): minor change',
    );
    expect(missing.stderr).toMatch(
      /idl\/orders\/order-placed\.avdl:\d+:\d+: error CMP021: shop\.orders\.OrderPlaced changed since v1\.1\.0 and needs a minor release/,
    );
    expect(missing.stderr).toContain('hint: run `charter changeset`');

    repo.write('.changeset/add-note.md', '---\n"@acme-events/order-placed": patch\n---\n\nAdd a note.\n');
    const small = await runCli(['check', '--format', 'json'], repo.root);
    expect(small.code).toBe(1);
    expect(JSON.parse(small.stdout).events[0]).toMatchObject({
      status: 'under-declared',
      required: 'minor',
      declared: 'patch',
    });

    repo.write('.changeset/add-note.md', '---\n"@acme-events/order-placed": minor\n---\n\nAdd a note.\n');
    const ok = await runCli(['check'], repo.root);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      '✓ shop.orders.OrderPlaced (orders-value, BACKWARD_TRANSITIVE): minor change, compatible with v1.0.0, v1.1.0; changeset: minor',
    );
  });

  it('reports a breaking change against every released version with IDL positions and hints', async () => {
    reset();
    repo.write('idl/orders/order-placed.avdl', order('  int amount;\n  string note;\n'));
    const r = await runCli(['check'], repo.root);
    expect(r.code).toBe(1);
    const err = r.stderr;
    expect(err).toContain(
      '✗ shop.orders.OrderPlaced (orders-value, BACKWARD_TRANSITIVE): incompatible under BACKWARD_TRANSITIVE with v1.0.0, v1.1.0',
    );
    expect(err).toContain('Consumers using the new schema cannot read data written with v1.1.0:');
    expect(err).toContain(
      'idl/orders/order-placed.avdl:10:7: error CMP010: `amount` is long in v1.1.0 but int in the new schema, and Avro cannot read long as int',
    );
    expect(err).toContain(
      'idl/orders/order-placed.avdl:11:10: error CMP010: field `note` has no default in the new schema and is missing in v1.1.0',
    );
    expect(err).toContain('Consumers using the new schema cannot read data written with v1.0.0:');
    expect(err).toContain('> 11 |   string note;');
    expect(err).toContain('hint: give `note` a default');
  });

  it('prints GitHub annotations', async () => {
    reset();
    repo.write('idl/orders/order-placed.avdl', order('  long amount;\n  string note;\n'));
    const r = await runCli(['check', '--format', 'github'], repo.root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error file=idl/orders/order-placed.avdl,line=11,col=10,endLine=11,endColumn=14,title=CMP010 shop.orders.OrderPlaced::Consumers using the new schema cannot read data written with v1.0.0 and v1.1.0: field `note` has no default',
    );
    expect(r.stdout).toMatch(/::warning file=charter\.yaml,line=8,col=56,.*title=CFG008 charter check::/);
  });

  it('treats an event absent at the ref as new', async () => {
    reset();
    repo.write(
      'idl/payments/refund-issued.avdl',
      'namespace shop.payments;\nschema RefundIssued;\nrecord RefundIssued { string refundId; }\n',
    );
    const r = await runCli(['check', '--format', 'json'], repo.root);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.events.map((e: { schema: string; status: string }) => [e.schema, e.status])).toEqual([
      ['shop.orders.OrderPlaced', 'unchanged'],
      ['shop.payments.RefundIssued', 'new'],
    ]);
  });

  it('compares against an older ref with --against', async () => {
    reset();
    const first = repo.git('rev-list', '--max-parents=0', 'HEAD').trim();
    repo.git('tag', 'before-release', first);
    const r = await runCli(['check', '--against', 'before-release', '--format', 'json'], repo.root);
    expect(JSON.parse(r.stdout).ref).toBe('before-release');
  });

  it('exits 2 on configuration errors', async () => {
    reset();
    expect((await runCli(['check', '--against', 'no-such-ref'], repo.root)).code).toBe(2);
    expect((await runCli(['check', '--format', 'xml'], repo.root)).code).toBe(2);
    repo.write('.changeset/add-note.md', '---\n"@acme-events/order-placed" minor\n---\n');
    const bad = await runCli(['check'], repo.root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.changeset/add-note.md:2:1: error CMP022');
  });

  it('a released version that does not parse is CMP023 (exit 2), for check and the release commands', async () => {
    const broken = new GitFixture();
    try {
      broken.write('charter.yaml', CHARTER_YAML);
      broken.write('idl/orders/order-placed.avdl', order('  long amount;\n'));
      broken.write('generated/order-placed/package.json', {
        name: '@acme-events/order-placed',
        version: '1.0.0',
      });
      broken.write('generated/order-placed/releases/1.0.0.avsc', '{\n  "type": "record",\n  "name": 3\n}\n');
      broken.commit('a damaged release');
      const r = await runCli(['check'], broken.root);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /main:generated\/order-placed\/releases\/1\.0\.0\.avsc:3:11: error CMP023: released version does not parse: /,
      );
      // `release version` reads the releases at HEAD (the branch it releases)
      for (const [args, ref] of [
        [['changeset'], 'main'],
        [['release', 'version'], 'HEAD'],
      ] as const) {
        const other = await runCli([...args], broken.root);
        expect([args.join(' '), other.code]).toEqual([args.join(' '), 2]);
        expect(other.stderr).toContain(
          `${ref}:generated/order-placed/releases/1.0.0.avsc:3:11: error CMP023`,
        );
      }
    } finally {
      broken.remove('.');
    }
  });

  it('fails with the IDL diagnostics when a contract does not compile', async () => {
    reset();
    repo.write('idl/orders/order-placed.avdl', order('  lng amount;\n'));
    const r = await runCli(['check'], repo.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/idl\/orders\/order-placed\.avdl:10:3: error IDL/);
  });
});
