import { checkCompatibility } from '@charter/compat';
import { describe, expect, it } from 'vitest';
import { compatible, field, problems, record } from './helpers.js';

describe('rule 1: names compare unqualified; aliases only on the reader', () => {
  it('a namespace change alone is compatible', () => {
    expect(
      compatible(
        record([], 'Order', { namespace: 'shop.v2' }),
        record([], 'Order', { namespace: 'shop.v1' }),
      ),
    ).toBe(true);
    expect(
      compatible(
        { type: 'enum', name: 'a.E', symbols: ['X'] },
        { type: 'enum', name: 'b.E', symbols: ['X'] },
      ),
    ).toBe(true);
  });

  it('a reader alias naming the writer full name matches', () => {
    const reader = record([], 'Client', { namespace: 'com.acme', aliases: ['com.legacy.Customer'] });
    expect(compatible(reader, record([], 'Customer', { namespace: 'com.legacy' }))).toBe(true);
  });

  it('a bare reader alias is qualified with the reader namespace', () => {
    const reader = record([], 'Client', { namespace: 'com.acme', aliases: ['Customer'] });
    expect(compatible(reader, record([], 'Customer', { namespace: 'com.acme' }))).toBe(true);
    expect(problems(reader, record([], 'Customer'))).toEqual(['NAME_MISMATCH /name expected: Customer']);
    expect(problems(reader, record([], 'Customer', { namespace: 'com.legacy' }))).toEqual([
      'NAME_MISMATCH /name expected: com.legacy.Customer',
    ]);
  });

  it('writer aliases are never used', () => {
    const writer = record([], 'Old', { aliases: ['New'] });
    expect(problems(record([], 'New'), writer)).toEqual(['NAME_MISMATCH /name expected: Old']);
  });

  it('field aliases are looked up among writer field names', () => {
    const reader = record([field('customerId', 'long', { aliases: ['clientId'] })]);
    expect(compatible(reader, record([field('clientId', 'int')]))).toBe(true);
    const writerAlias = record([field('clientId', 'int', { aliases: ['customerId'] })]);
    expect(problems(record([field('customerId', 'long')]), writerAlias)).toEqual([
      'READER_FIELD_MISSING_DEFAULT_VALUE /fields/0 customerId',
    ]);
  });
});

describe('rule 2: a field matching several writer fields makes Java throw (incompatible)', () => {
  const cases: [string, unknown, unknown][] = [
    [
      'alias hits a second writer field',
      record([field('id', 'string', { aliases: ['uid'] })]),
      record([field('id', 'string'), field('uid', 'string')]),
    ],
    [
      'alias equal to its own name',
      record([field('id', 'string', { aliases: ['id'] })]),
      record([field('id', 'string')]),
    ],
    [
      'crossed aliases',
      record([field('a', 'int', { aliases: ['b'] }), field('b', 'int', { aliases: ['a'] })]),
      record([field('a', 'int'), field('b', 'int')]),
    ],
  ];
  it.each(cases)('%s', (_name, reader, writer) => {
    const result = checkCompatibility(reader, writer);
    expect(result.compatible).toBe(false);
    expect(result.incompatibilities).toEqual([]);
    expect(result.error?.kind).toBe('AMBIGUOUS_FIELD');
    expect(result.error?.location).toBe('/fields/0');
    expect(result.error?.message).toMatch(
      /^Reader record field \w+ type:\w+ pos:0 matches multiple fields in writer record schema \{/,
    );
  });

  it('a repeated alias counts once', () => {
    expect(
      compatible(
        record([field('id', 'string', { aliases: ['uid', 'uid'] })]),
        record([field('uid', 'string')]),
      ),
    ).toBe(true);
  });
});

describe('rule 3: defaults count by presence, not validity; nullable is not defaulted', () => {
  const writer = record([field('a', 'int')]);
  it('"default": null counts', () => {
    expect(
      compatible(record([field('a', 'int'), field('b', ['null', 'string'], { default: null })]), writer),
    ).toBe(true);
  });
  it('a wrong-typed default counts (lenient parsing)', () => {
    expect(
      compatible(record([field('a', 'int'), field('b', 'int', { default: 'not an int' })]), writer),
    ).toBe(true);
  });
  it('a nullable field without a default does not', () => {
    expect(problems(record([field('a', 'int'), field('b', ['null', 'string'])]), writer)).toEqual([
      'READER_FIELD_MISSING_DEFAULT_VALUE /fields/1 b',
    ]);
  });
  it('an enum-level default without a field default compares the enum with the writer record', () => {
    const e = { type: 'enum', name: 'E', symbols: ['A', 'B'], default: 'A' };
    expect(problems(record([field('a', 'int'), field('e', e)]), writer)).toEqual([
      'TYPE_MISMATCH /fields/1/type reader type: ENUM not compatible with writer type: RECORD',
    ]);
  });
  it('a default does not help when the writer field exists with another type', () => {
    expect(problems(record([field('x', 'string', { default: '' })]), record([field('x', 'long')]))).toEqual([
      'TYPE_MISMATCH /fields/0/type reader type: STRING not compatible with writer type: LONG',
    ]);
  });
});

describe('rule 4: only the reader enum default covers unknown symbols', () => {
  const writerEnum = { type: 'enum', name: 'E', symbols: ['A', 'B', 'C'] };
  it('reader enum default', () => {
    expect(compatible({ type: 'enum', name: 'E', symbols: ['A', 'B'], default: 'A' }, writerEnum)).toBe(true);
  });
  it('a field default does not cover unknown symbols', () => {
    const reader = record([field('e', { type: 'enum', name: 'E', symbols: ['A', 'B'] }, { default: 'A' })]);
    expect(problems(reader, record([field('e', writerEnum)]))).toEqual([
      'MISSING_ENUM_SYMBOLS /fields/0/type/symbols [C]',
    ]);
  });
  it('the writer enum default is irrelevant', () => {
    expect(
      problems({ type: 'enum', name: 'E', symbols: ['A', 'B'] }, { ...writerEnum, default: 'A' }),
    ).toEqual(['MISSING_ENUM_SYMBOLS /symbols [C]']);
  });
  it('symbol order is ignored', () => {
    expect(compatible({ type: 'enum', name: 'E', symbols: ['C', 'B', 'A'] }, writerEnum)).toBe(true);
  });
});

describe('rule 5: unions per writer branch, any reader branch suffices', () => {
  it.each([
    ['long', ['int', 'long']],
    ['double', ['int', 'long', 'float']],
    ['string', ['bytes', 'string']],
    [
      ['null', 'double'],
      ['null', 'int'],
    ],
  ])('%j reads %j', (reader, writer) => {
    expect(compatible(reader, writer)).toBe(true);
  });
  it('a plain string cannot read ["null","string"] (made a field required)', () => {
    expect(problems(record([field('n', 'string')]), record([field('n', ['null', 'string'])]))).toEqual([
      'TYPE_MISMATCH /fields/0/type/0 reader type: STRING not compatible with writer type: NULL',
    ]);
  });
  it('two same-named records from different namespaces in the reader union: either may read', () => {
    const reader = [
      record([field('x', 'int')], 'Point', { namespace: 'a' }),
      record([field('x', 'int'), field('z', 'int', { default: 0 })], 'Point', { namespace: 'b' }),
    ];
    expect(compatible(reader, record([field('x', 'int')], 'Point', { namespace: 'w' }))).toBe(true);
  });
});

describe('rule 6: logical types are ignored', () => {
  const dec = (p: number, s: number) => ({ type: 'bytes', logicalType: 'decimal', precision: p, scale: s });
  it('decimal precision/scale changes on the same underlying type', () => {
    expect(compatible(dec(10, 2), dec(12, 4))).toBe(true);
  });
  it('timestamp-millis reads timestamp-micros, string reads a bytes decimal', () => {
    expect(
      compatible(
        { type: 'long', logicalType: 'timestamp-millis' },
        { type: 'long', logicalType: 'timestamp-micros' },
      ),
    ).toBe(true);
    expect(compatible('string', dec(5, 2))).toBe(true);
  });
  it('bytes vs fixed decimals never match; fixed decimals still need name and size', () => {
    const fixedDec = (name: string, size: number) => ({
      type: 'fixed',
      name,
      size,
      logicalType: 'decimal',
      precision: 5,
      scale: 2,
    });
    expect(problems(dec(5, 2), fixedDec('D', 8))).toEqual([
      'TYPE_MISMATCH / reader type: BYTES not compatible with writer type: FIXED',
    ]);
    expect(problems(fixedDec('D', 8), fixedDec('E', 4))).toEqual([
      'NAME_MISMATCH /name expected: E',
      'FIXED_SIZE_MISMATCH /size expected: 4, found: 8',
    ]);
  });
});

describe('rule 7: records are order-free, case-sensitive and reader-driven; error is a record', () => {
  it('field order does not matter and extra writer fields are ignored', () => {
    expect(
      compatible(
        record([field('b', 'int'), field('a', 'int')]),
        record([field('a', 'int'), field('b', 'int'), field('c', 'int')]),
      ),
    ).toBe(true);
  });
  it('field names are case-sensitive', () => {
    expect(problems(record([field('Name', 'string')]), record([field('name', 'string')]))).toEqual([
      'READER_FIELD_MISSING_DEFAULT_VALUE /fields/0 Name',
    ]);
  });
  it('an error type reads a record and vice versa', () => {
    expect(
      compatible({ type: 'error', name: 'R', fields: [field('a', 'int')] }, record([field('a', 'int')])),
    ).toBe(true);
    expect(
      compatible(record([field('a', 'int')]), { type: 'error', name: 'R', fields: [field('a', 'int')] }),
    ).toBe(true);
  });
});
