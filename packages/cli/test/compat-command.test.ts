import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'charter-compat-'));

const v1 = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'long' },
  ],
};
const v2 = `{
  "type": "record",
  "name": "Order",
  "namespace": "shop",
  "fields": [
    {"name": "id", "type": "string"},
    {"name": "amount", "type": "int"},
    {"name": "note", "type": "string"}
  ]
}`;
const v3 = { ...v1, fields: [...v1.fields, { name: 'note', type: ['null', 'string'], default: null }] };

beforeAll(() => {
  writeFileSync(join(dir, 'v1.avsc'), JSON.stringify(v1, null, 2));
  writeFileSync(join(dir, 'v2.avsc'), v2);
  writeFileSync(join(dir, 'v3.avsc'), JSON.stringify(v3));
  writeFileSync(
    join(dir, 'orders-v1.avdl'),
    'namespace shop;\nschema OrderPlaced;\n\nenum Status { NEW, PAID }\n\nrecord OrderPlaced {\n  string id;\n  Status status;\n}\n',
  );
  writeFileSync(
    join(dir, 'orders-v2.avdl'),
    'namespace shop;\nschema OrderPlaced;\n\nenum Status { NEW, PAID, SHIPPED }\n\nrecord OrderPlaced {\n  string id;\n  Status status;\n  string note;\n}\n',
  );
  writeFileSync(
    join(dir, 'types.avdl'),
    'namespace shop;\n\nenum Status { NEW, PAID }\nrecord Money { long units; }\n',
  );
  writeFileSync(
    join(dir, 'broken.avsc'),
    '{"type": "record", "name": "R",\n "fields": [{"name": "a", "type": "nope"}]}',
  );
});

describe('charter compat', () => {
  it('exits 0 when the reader reads the writer', async () => {
    const r = await runCli(['compat', '--reader', 'v3.avsc', '--writer', 'v1.avsc'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('compatible: v3.avsc can read everything written with v1.avsc\n');
  });

  it('exits 1 and explains every problem with its place in the reader file', async () => {
    const r = await runCli(['compat', '--reader', 'v2.avsc', '--writer', 'v1.avsc'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('v2.avsc cannot read data written with v1.avsc:');
    expect(r.stderr).toContain(
      'v2.avsc:7:14: error CMP010: `amount` is long in v1.avsc but int in v2.avsc, and Avro cannot read long as int',
    );
    expect(r.stderr).toContain(
      'v2.avsc:8:14: error CMP010: field `note` has no default in v2.avsc and is missing in v1.avsc',
    );
    expect(r.stderr).toContain('hint: give `note` a default');
    expect(r.stderr).toContain('(Avro: TYPE_MISMATCH at /fields/1/type)');
    expect(r.stderr).toContain('incompatible: 2 problems');
  });

  it('--json prints Avro types, locations, messages and positions', async () => {
    const r = await runCli(['compat', '--reader', 'v2.avsc', '--writer', 'v1.avsc', '--json'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.compatible).toBe(false);
    expect(out.incompatibilities).toEqual([
      expect.objectContaining({
        code: 'CMP010',
        who: expect.stringContaining('v2.avsc cannot read data written with v1.avsc'),
        type: 'TYPE_MISMATCH',
        location: '/fields/1/type',
        message: 'reader type: INT not compatible with writer type: LONG',
        fieldPath: 'amount',
        file: 'v2.avsc',
        line: 7,
        column: 14,
      }),
      expect.objectContaining({
        type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        location: '/fields/2',
        message: 'note',
      }),
    ]);
  });

  it('reads .avdl files: their main schema, or a named type; locations are IDL lines and columns', async () => {
    const r = await runCli(
      ['compat', '--reader', 'orders-v2.avdl', '--writer', 'orders-v1.avdl:OrderPlaced'],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('orders-v2.avdl cannot read data written with orders-v1.avdl:OrderPlaced:');
    expect(r.stderr).toContain(
      'orders-v2.avdl:9:10: error CMP010: field `note` has no default in orders-v2.avdl',
    );
    const forward = await runCli(
      ['compat', '--reader', 'orders-v1.avdl', '--writer', 'orders-v2.avdl', '--json'],
      dir,
    );
    expect(forward.code).toBe(1);
    expect(JSON.parse(forward.stdout).incompatibilities).toEqual([
      expect.objectContaining({
        type: 'MISSING_ENUM_SYMBOLS',
        message: '[SHIPPED]',
        file: 'orders-v1.avdl',
        line: 4,
        column: 6,
      }),
    ]);
    const ok = await runCli(
      ['compat', '--reader', 'types.avdl:shop.Status', '--writer', 'orders-v1.avdl:Status'],
      dir,
    );
    expect(ok.code).toBe(0);
  });

  it('explains a missing or unnamed IDL type', async () => {
    const none = await runCli(['compat', '--reader', 'types.avdl', '--writer', 'orders-v1.avdl'], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('types.avdl has no main schema');
    expect(none.stderr).toContain('types: shop.Status, shop.Money');
    const missing = await runCli(
      ['compat', '--reader', 'types.avdl:Nope', '--writer', 'orders-v1.avdl'],
      dir,
    );
    expect(missing.stderr).toContain('error CLI003: types.avdl defines no type Nope');
  });

  it('splits --import-path on the path delimiter, as `charter idl` does', async () => {
    mkdirSync(join(dir, 'lib-a'), { recursive: true });
    mkdirSync(join(dir, 'lib-b'), { recursive: true });
    writeFileSync(join(dir, 'lib-a', 'ids.avdl'), 'namespace shop;\nrecord Id { string value; }\n');
    writeFileSync(join(dir, 'lib-b', 'money.avdl'), 'namespace shop;\nrecord Money { long units; }\n');
    const order = (extra: string) =>
      `namespace shop;\nschema Paid;\nimport idl "ids.avdl";\nimport idl "money.avdl";\nrecord Paid { Id id; Money total;${extra} }\n`;
    writeFileSync(join(dir, 'paid-v1.avdl'), order(''));
    writeFileSync(join(dir, 'paid-v2.avdl'), order(' string? note = null;'));
    const args = ['compat', '--reader', 'paid-v2.avdl', '--writer', 'paid-v1.avdl'];
    const joined = await runCli([...args, '--import-path', `lib-a${delimiter}lib-b`], dir);
    expect(joined.stderr).toBe('');
    expect(joined).toMatchObject({
      code: 0,
      stdout: 'compatible: paid-v2.avdl can read everything written with paid-v1.avdl\n',
    });
    const repeated = await runCli([...args, '--import-path', 'lib-a', '--import-path', 'lib-b'], dir);
    expect(repeated.code).toBe(0);
    const one = await runCli([...args, '--import-path', 'lib-a'], dir);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('paid-v2.avdl:4:1: error IDL');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['compat', '--reader', 'v1.avsc'], dir)).code).toBe(2);
    expect((await runCli(['compat', '--reader', 'v1.txt', '--writer', 'v1.avsc'], dir)).code).toBe(2);
  });

  it('exits 1 with a positioned diagnostic for an unreadable or invalid schema', async () => {
    const missing = await runCli(['compat', '--reader', 'nope.avsc', '--writer', 'v1.avsc'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error CLI001: cannot read nope.avsc');
    const broken = await runCli(['compat', '--reader', 'broken.avsc', '--writer', 'v1.avsc'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.avsc:2:35: error SCH002: undefined name: "nope"');
  });
});
