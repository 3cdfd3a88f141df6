import { JsonDouble, parseSchema, parseSchemaText, type RecordSchema, SchemaCode } from '@charter/schema';
import { describe, expect, it } from 'vitest';

const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe('parseSchema: names and namespaces', () => {
  it('inherits the enclosing namespace and lets a dotted name carry its own', () => {
    const { schema, names } = parseSchema({
      type: 'record',
      name: 'Order',
      namespace: 'acme.orders',
      fields: [
        { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW'] } },
        { name: 'money', type: { type: 'fixed', name: 'acme.money.Cents', size: 8 } },
        { name: 'again', type: 'Status' },
        { name: 'cents', type: 'acme.money.Cents' },
      ],
    });
    expect([...names.keys()]).toEqual(['acme.orders.Order', 'acme.orders.Status', 'acme.money.Cents']);
    const record = schema as RecordSchema;
    expect(record.fields[2]!.type).toBe(names.get('acme.orders.Status'));
  });

  it('falls back to the null namespace for an unqualified reference, as Avro Java does', () => {
    const r = parseSchema({
      type: 'record',
      name: 'Outer',
      fields: [
        { name: 'a', type: { type: 'enum', name: 'E', symbols: ['X'] } },
        {
          name: 'b',
          type: { type: 'record', name: 'Inner', namespace: 'x.y', fields: [{ name: 'e', type: 'E' }] },
        },
      ],
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('resolves a recursive record to the same object', () => {
    const { schema } = parseSchema({
      type: 'record',
      name: 'Node',
      fields: [{ name: 'next', type: ['null', 'Node'] }],
    });
    const node = schema as RecordSchema;
    const union = node.fields[0]!.type;
    expect(union.type === 'union' && union.branches[1]).toBe(node);
  });

  it('reports undefined, redefined and invalid names with their JSON pointer', () => {
    const r = parseSchema({
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: 'Missing' },
        { name: 'b', type: { type: 'enum', name: 'R', symbols: ['A'] } },
        { name: 'c-d', type: 'int' },
      ],
    });
    expect(r.schema).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      [SchemaCode.UndefinedName, '/fields/0/type'],
      [SchemaCode.RedefinedName, '/fields/1/type/name'],
      [SchemaCode.InvalidName, '/fields/2/name'],
    ]);
  });

  it('skips name validation when asked, as Confluent does for stored versions', () => {
    const r = parseSchema({ type: 'record', name: 'bad-name', fields: [] }, { validateNames: false });
    expect(r.diagnostics).toEqual([]);
  });

  it('accepts Unicode names', () => {
    expect(
      parseSchema({ type: 'record', name: 'Bestellung_ä', fields: [{ name: 'größe', type: 'int' }] })
        .diagnostics,
    ).toEqual([]);
  });
});

describe('parseSchema: structure', () => {
  it.each([
    [{ type: 'record', name: 'R' }, SchemaCode.MissingAttribute],
    [{ type: 'enum', name: 'E', symbols: ['A', 'A'] }, SchemaCode.DuplicateSymbol],
    [{ type: 'enum', name: 'E', symbols: ['A'], default: 'B' }, SchemaCode.InvalidEnumDefault],
    [{ type: 'fixed', name: 'F', size: -1 }, SchemaCode.InvalidSize],
    [{ type: 'array' }, SchemaCode.MissingAttribute],
    [['int', 'int'], SchemaCode.InvalidUnion],
    [['null', ['int']], SchemaCode.InvalidUnion],
    [
      {
        type: 'record',
        name: 'R',
        fields: [
          { name: 'a', type: 'int' },
          { name: 'a', type: 'int' },
        ],
      },
      SchemaCode.DuplicateField,
    ],
    [
      { type: 'record', name: 'R', fields: [{ name: 'a', type: 'int', order: 'up' }] },
      SchemaCode.InvalidOrder,
    ],
    [{ type: 'record', name: 'R', fields: [], aliases: 'x' }, SchemaCode.InvalidAliases],
    [{ type: 'wat' }, SchemaCode.UnknownType],
    [{ type: 'record', name: 'string', fields: [] }, SchemaCode.PrimitiveName],
  ])('%j is rejected with %s', (json, code) => {
    expect(codes(parseSchema(json))).toContain(code);
  });

  it('keeps properties in order, and logical types only when valid', () => {
    const ok = parseSchema({ type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2, extra: true });
    expect(ok.schema).toMatchObject({ logicalType: { name: 'decimal', precision: 10, scale: 2 } });
    expect([...(ok.schema as { props: Map<string, unknown> }).props.keys()]).toEqual([
      'logicalType',
      'precision',
      'scale',
      'extra',
    ]);
    const bad = parseSchema({ type: 'bytes', logicalType: 'decimal', precision: 2, scale: 3 });
    expect(bad.schema).not.toHaveProperty('logicalType');
    expect(bad.diagnostics[0]).toMatchObject({ code: SchemaCode.IgnoredLogicalType, severity: 'warning' });
  });
});

describe('parseSchema: defaults', () => {
  const field = (type: unknown, value: unknown) => ({
    type: 'record',
    name: 'R',
    fields: [{ name: 'f', type, default: value }],
  });
  it.each([
    ['int', 1, true],
    ['int', 2 ** 31, false],
    ['int', new JsonDouble(1), false],
    ['long', 2n ** 62n, true],
    ['double', 1, true],
    ['double', 'NaN', true],
    ['string', 1, false],
    ['bytes', '\u00ff', true],
    [['null', 'string'], null, true],
    [['string', 'null'], null, true],
    [['string', 'null'], 3, false],
    [{ type: 'array', items: 'int' }, [1, 2], true],
    [{ type: 'map', values: 'int' }, { a: 'x' }, false],
    [
      {
        type: 'record',
        name: 'In',
        fields: [
          { name: 'a', type: 'int' },
          { name: 'b', type: 'int', default: 0 },
        ],
      },
      { a: 1 },
      true,
    ],
    [{ type: 'record', name: 'In', fields: [{ name: 'a', type: 'int' }] }, {}, false],
  ])('%o with default %o is valid: %s', (type, value, valid) => {
    const r = parseSchema(field(type, value));
    expect(codes(r).includes(SchemaCode.InvalidDefault)).toBe(!valid);
  });

  it('skips default validation when asked', () => {
    expect(parseSchema(field('int', 'x'), { validateDefaults: false }).diagnostics).toEqual([]);
  });
});

describe('parseSchemaText', () => {
  it('gives line and column of the bad node', () => {
    const text =
      '{\n  "type": "record",\n  "name": "R",\n  "fields": [\n    {"name": "a", "type": "strin"}\n  ]\n}\n';
    const r = parseSchemaText(text, { file: 'r.avsc' });
    expect(r.diagnostics[0]).toMatchObject({
      code: SchemaCode.UndefinedName,
      file: 'r.avsc',
      path: '/fields/0/type',
      range: { start: { line: 5, column: 27 }, end: { line: 5, column: 34 } },
    });
  });

  it('reports a JSON syntax error at its position', () => {
    const r = parseSchemaText('{"type": "record",\n "name": }', { file: 'x.avsc' });
    expect(r.diagnostics[0]).toMatchObject({
      code: SchemaCode.InvalidJson,
      range: { start: { line: 2, column: 10 } },
    });
  });

  it('keeps floats as doubles and big integers exact', () => {
    const r = parseSchemaText(
      '{"type":"record","name":"R","fields":[{"name":"d","type":"double","default":1.0},{"name":"l","type":"long","default":9007199254740993}]}',
    );
    const fields = (r.schema as RecordSchema).fields;
    expect(fields[0]!.default).toEqual(new JsonDouble(1));
    expect(fields[1]!.default).toBe(9007199254740993n);
  });
});
