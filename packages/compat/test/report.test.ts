import {
  avscSourceLocator,
  checkCompatibility,
  checkLevel,
  findingToDiagnostic,
  formatFindings,
  joinLabels,
  levelFindings,
  pairFindings,
} from '@charter/compat';
import { describe, expect, it } from 'vitest';
import { field, record } from './helpers.js';

const order = (...fields: unknown[]) => record(fields, 'Order', { namespace: 'shop' });
const id = field('id', 'string');
const v = (i: number) => `v1.${i}.0`;

function backward(old: unknown, next: unknown) {
  return levelFindings(checkLevel('BACKWARD', [old], next), { versionLabel: v });
}
function forward(old: unknown, next: unknown) {
  return levelFindings(checkLevel('FORWARD', [old], next), { versionLabel: v });
}

describe('who can no longer read whom', () => {
  it('backward: new consumers cannot read old data', () => {
    const [f] = backward(order(id), order(id, field('note', 'string')));
    expect(f).toMatchObject({
      who: 'Consumers using the new schema cannot read data written with v1.0.0',
      type: 'READER_FIELD_MISSING_DEFAULT_VALUE',
      fieldPath: 'note',
      text: 'field `note` has no default in the new schema and is missing in v1.0.0',
      hint: 'give `note` a default (for example make it optional: a union with null, default null)',
      direction: 'backward',
      versionIndex: 0,
    });
  });

  it('forward: old consumers cannot read new data', () => {
    const [f] = forward(order(id, field('note', 'string')), order(id));
    expect(f?.who).toBe('Consumers still using v1.0.0 cannot read data written with the new schema');
    expect(f?.text).toBe('field `note` has no default in v1.0.0 and is missing in the new schema');
    expect(f?.hint).toMatch(
      /^keep writing `note`: consumers on v1\.0\.0 need it \(it has no default there\)/,
    );
  });

  it('pairs name reader and writer', () => {
    const result = checkCompatibility(order(id, field('note', 'string')), order(id));
    const [f] = pairFindings(result, { labels: { reader: 'reader.avsc', writer: 'writer.avsc' } });
    expect(f?.who).toBe('reader.avsc cannot read data written with writer.avsc');
  });
});

describe('fix hints', () => {
  it('suggests an alias for a renamed field', () => {
    const [f] = backward(order(id, field('oldName', 'string')), order(id, field('newName', 'string')));
    expect(f?.hint).toBe(
      'add alias `oldName` to `newName` if it renames that field, or give `newName` a default (for example make it optional: a union with null, default null)',
    );
  });

  it('a rename breaks old readers', () => {
    const [f] = forward(order(id, field('oldName', 'string')), order(id, field('newName', 'string')));
    expect(f?.text).toContain('it looks renamed to `newName`; aliases do not help old readers');
  });

  it('made a field required / optional', () => {
    const [req] = backward(
      order(field('note', ['null', 'string'], { default: null })),
      order(field('note', 'string')),
    );
    expect(req?.text).toBe('v1.0.0 may write null into `note`, which the new schema reads as string');
    expect(req?.hint).toBe(
      'keep `note` optional (a union with null) so values written as null can still be read',
    );
    const [opt] = forward(
      order(field('note', 'string')),
      order(field('note', ['null', 'string'], { default: null })),
    );
    expect(opt?.hint).toBe('keep `note` required: v1.0.0 cannot take null there');
  });

  it('narrowed a number', () => {
    const [f] = backward(order(field('qty', 'long')), order(field('qty', 'int')));
    expect(f?.text).toBe(
      '`qty` is long in v1.0.0 but int in the new schema, and Avro cannot read long as int (Avro only widens int → long → float → double)',
    );
    expect(f?.hint).toBe(
      'keep `qty` as long; to change its type, add a new field with a default and retire the old one',
    );
  });

  it('enum symbols removed or added', () => {
    const status = (...symbols: string[]) => field('status', { type: 'enum', name: 'Status', symbols });
    const [removed] = backward(order(status('NEW', 'PAID', 'VOID')), order(status('NEW')));
    expect(removed?.text).toBe(
      'enum Status in the new schema lacks symbols `PAID`, `VOID` that v1.0.0 may write',
    );
    expect(removed?.hint).toBe(
      'add `PAID`, `VOID` back to Status, or give Status a default symbol that unknown symbols are read as',
    );
    const [added] = forward(order(status('NEW')), order(status('NEW', 'SHIPPED')));
    expect(added?.hint).toBe(
      'the enum in v1.0.0 has no default for unknown symbols: release an enum default first (for example UNKNOWN), then add `SHIPPED`',
    );
  });

  it('union branch removed', () => {
    const [f] = backward(
      order(field('amount', ['null', 'int', 'string'])),
      order(field('amount', ['null', 'int'])),
    );
    expect(f?.text).toBe(
      'v1.0.0 may write string into `amount`, but the union in the new schema has no branch that reads it',
    );
    expect(f?.hint).toBe('add string (back) to the union of `amount`');
  });

  it('record renamed', () => {
    const [f] = backward(order(id), record([id], 'Purchase', { namespace: 'shop' }));
    expect(f?.text).toBe('the type is named `shop.Purchase` in the new schema but `shop.Order` in v1.0.0');
    expect(f?.hint).toBe('add alias `shop.Order` to `shop.Purchase`');
    const [g] = forward(order(id), record([id], 'Purchase', { namespace: 'shop' }));
    expect(g?.hint).toMatch(/^keep the name `Order`/);
  });

  it('fixed size changed', () => {
    const [f] = backward(
      order(field('hash', { type: 'fixed', name: 'Hash', size: 16 })),
      order(field('hash', { type: 'fixed', name: 'Hash', size: 32 })),
    );
    expect(f?.text).toBe('fixed Hash is 16 bytes in v1.0.0 but 32 in the new schema');
    expect(f?.hint).toBe(
      'keep size 16: a fixed size cannot change; use a new fixed type in a new field instead',
    );
  });

  it('an ambiguous alias', () => {
    const [f] = backward(
      order(id, field('uid', 'string')),
      order(field('id', 'string', { aliases: ['uid'] })),
    );
    expect(f?.type).toBe('AMBIGUOUS_FIELD');
    expect(f?.code).toBe('CMP011');
    expect(f?.hint).toBe('remove alias `uid` from `id`');
  });

  it('nested field paths', () => {
    const address = (zip: string) => record([field('zip', zip)], 'Address');
    const customer = (zip: string) => field('customer', record([field('address', address(zip))], 'Customer'));
    const [f] = backward(order(customer('string')), order(customer('int')));
    expect(f?.fieldPath).toBe('customer.address.zip');
    expect(f?.location).toBe('/fields/0/type/fields/0/type/fields/0/type');
  });
});

describe('source locations', () => {
  const next = `{
  "type": "record", "name": "Order", "namespace": "shop",
  "fields": [
    {"name": "id", "type": "string"},
    {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "SHIPPED"]}},
    {"name": "note", "type": "string"}
  ]
}`;
  const old = order(id, field('status', { type: 'enum', name: 'Status', symbols: ['NEW'] }));
  const locator = avscSourceLocator(next, 'order.avsc');

  it('points into the new schema: the field, or the added symbol', () => {
    const b = levelFindings(checkLevel('BACKWARD', [old], JSON.parse(next)), {
      versionLabel: v,
      newSource: locator,
    });
    expect(b[0]?.source).toMatchObject({ file: 'order.avsc', range: { start: { line: 6, column: 14 } } });
    const f = levelFindings(checkLevel('FORWARD', [old], JSON.parse(next)), {
      versionLabel: v,
      newSource: locator,
    });
    expect(f[0]?.type).toBe('MISSING_ENUM_SYMBOLS');
    expect(f[0]?.source).toMatchObject({ range: { start: { line: 5, column: 86 } } });
  });

  it('becomes a diagnostic and a report with a code frame', () => {
    const findings = levelFindings(checkLevel('BACKWARD', [old], JSON.parse(next)), {
      versionLabel: v,
      newSource: locator,
    });
    expect(findingToDiagnostic(findings[0]!)).toMatchObject({
      code: 'CMP010',
      file: 'order.avsc',
      range: { start: { line: 6 } },
      path: '/fields/2',
      hint: expect.stringContaining('give `note` a default'),
    });
    const text = formatFindings(findings, { readSource: () => next });
    expect(text).toBe(
      [
        'Consumers using the new schema cannot read data written with v1.0.0:',
        '  order.avsc:6:14: error CMP010: field `note` has no default in the new schema and is missing in v1.0.0',
        '    4 |     {"name": "id", "type": "string"},',
        '    5 |     {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "SHIPPED"]}},',
        '  > 6 |     {"name": "note", "type": "string"}',
        '      |              ^^^^^^',
        '    7 |   ]',
        '    8 | }',
        '    hint: give `note` a default (for example make it optional: a union with null, default null)',
        '    (Avro: READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2)',
      ].join('\n'),
    );
  });
});

describe('versions that fail the same way are named together', () => {
  const history = [
    order(id),
    order(id, field('a', 'int', { default: 0 })),
    order(id, field('b', 'int', { default: 0 })),
  ];
  const next = order(id, field('note', 'string'));

  it('merges by default and keeps every version index', () => {
    const findings = levelFindings(checkLevel('BACKWARD_TRANSITIVE', history, next, { exhaustive: true }), {
      versionLabel: v,
    });
    expect(findings.map((f) => [f.who, f.versionIndices])).toEqual([
      ['Consumers using the new schema cannot read data written with v1.0.0, v1.1.0 and v1.2.0', [0, 1, 2]],
    ]);
    expect(findings[0]?.text).toBe(
      'field `note` has no default in the new schema and is missing in v1.0.0, v1.1.0 and v1.2.0',
    );
  });

  it('can list each version', () => {
    const findings = levelFindings(checkLevel('BACKWARD_TRANSITIVE', history, next, { exhaustive: true }), {
      versionLabel: v,
      mergeVersions: false,
    });
    expect(findings.map((f) => f.versionIndex)).toEqual([2, 1, 0]);
  });

  it('joins labels', () => {
    expect(joinLabels(['a'])).toBe('a');
    expect(joinLabels(['a', 'b'])).toBe('a and b');
    expect(joinLabels(['a', 'b', 'c', 'd'])).toBe('a … d (4 versions)');
  });
});
