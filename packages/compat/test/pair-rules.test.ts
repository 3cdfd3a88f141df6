import { checkCompatibility } from '@charter/compat';
import { describe, expect, it } from 'vitest';
import { compatible, field, problems, record } from './helpers.js';

const PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];
const READS: Record<string, string[]> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  bytes: ['string'],
  string: ['bytes'],
};

describe('primitives and promotions (compat.md §1)', () => {
  for (const reader of PRIMITIVES) {
    for (const writer of PRIMITIVES) {
      const ok = reader === writer || (READS[reader] ?? []).includes(writer);
      it(`${reader} ${ok ? 'reads' : 'does not read'} ${writer}`, () => {
        if (ok) expect(problems(reader, writer)).toEqual([]);
        else
          expect(problems(reader, writer)).toEqual([
            `TYPE_MISMATCH / reader type: ${reader.toUpperCase()} not compatible with writer type: ${writer.toUpperCase()}`,
          ]);
      });
    }
  }

  it('no enum↔string, fixed↔bytes or boolean↔int', () => {
    const e = { type: 'enum', name: 'E', symbols: ['A'] };
    const f = { type: 'fixed', name: 'F', size: 4 };
    expect(problems('string', e)).toEqual([
      'TYPE_MISMATCH / reader type: STRING not compatible with writer type: ENUM',
    ]);
    expect(problems(e, 'string')).toEqual([
      'TYPE_MISMATCH / reader type: ENUM not compatible with writer type: STRING',
    ]);
    expect(problems('bytes', f)).toEqual([
      'TYPE_MISMATCH / reader type: BYTES not compatible with writer type: FIXED',
    ]);
    expect(problems(f, 'bytes')).toEqual([
      'TYPE_MISMATCH / reader type: FIXED not compatible with writer type: BYTES',
    ]);
    expect(problems('int', 'boolean')).toEqual([
      'TYPE_MISMATCH / reader type: INT not compatible with writer type: BOOLEAN',
    ]);
  });

  it('a different kind is a TYPE_MISMATCH (record vs enum, array vs map)', () => {
    expect(problems({ type: 'array', items: 'int' }, { type: 'map', values: 'int' })).toEqual([
      'TYPE_MISMATCH / reader type: ARRAY not compatible with writer type: MAP',
    ]);
    expect(problems(record([]), { type: 'enum', name: 'R', symbols: ['A'] })).toEqual([
      'TYPE_MISMATCH / reader type: RECORD not compatible with writer type: ENUM',
    ]);
  });
});

describe('containers and named types (compat.md §1)', () => {
  it('arrays recurse on items, maps on values', () => {
    expect(problems({ type: 'array', items: 'long' }, { type: 'array', items: 'int' })).toEqual([]);
    expect(problems({ type: 'array', items: 'int' }, { type: 'array', items: 'long' })).toEqual([
      'TYPE_MISMATCH /items reader type: INT not compatible with writer type: LONG',
    ]);
    expect(problems({ type: 'map', values: 'int' }, { type: 'map', values: 'string' })).toEqual([
      'TYPE_MISMATCH /values reader type: INT not compatible with writer type: STRING',
    ]);
  });

  it('fixed: names and sizes must match, both reported', () => {
    expect(problems({ type: 'fixed', name: 'A', size: 8 }, { type: 'fixed', name: 'B', size: 16 })).toEqual([
      'NAME_MISMATCH /name expected: B',
      'FIXED_SIZE_MISMATCH /size expected: 16, found: 8',
    ]);
  });

  it('enum: writer symbols must be in the reader; the missing ones sorted', () => {
    const reader = { type: 'enum', name: 'E', symbols: ['A', 'C'] };
    const writer = { type: 'enum', name: 'E', symbols: ['D', 'C', 'B', 'A'] };
    expect(problems(reader, writer)).toEqual(['MISSING_ENUM_SYMBOLS /symbols [B, D]']);
    expect(problems(writer, reader)).toEqual([]);
  });

  it('record: reader fields by name, in reader order, at the reader index', () => {
    const writer = record([field('a', 'int'), field('b', 'string')]);
    const reader = record([field('c', 'int'), field('b', 'int'), field('a', 'long'), field('d', 'int')]);
    expect(problems(reader, writer)).toEqual([
      'READER_FIELD_MISSING_DEFAULT_VALUE /fields/0 c',
      'TYPE_MISMATCH /fields/1/type reader type: INT not compatible with writer type: STRING',
      'READER_FIELD_MISSING_DEFAULT_VALUE /fields/3 d',
    ]);
  });

  it('nested locations go through fields, types, items and values', () => {
    const inner = (t: string) => record([field('x', t)], 'Inner');
    const reader = record([field('list', { type: 'array', items: { type: 'map', values: inner('int') } })]);
    const writer = record([field('list', { type: 'array', items: { type: 'map', values: inner('long') } })]);
    expect(problems(reader, writer)).toEqual([
      'TYPE_MISMATCH /fields/0/type/items/values/fields/0/type reader type: INT not compatible with writer type: LONG',
    ]);
  });
});

describe('unions (compat.md §1)', () => {
  it('union/union: every writer branch must be readable, reported per writer branch index', () => {
    expect(problems(['int', 'string'], ['int', 'string', 'long', 'boolean'])).toEqual([
      'MISSING_UNION_BRANCH /2 reader union lacking writer type: LONG',
      'MISSING_UNION_BRANCH /3 reader union lacking writer type: BOOLEAN',
    ]);
    expect(problems(['long', 'string'], ['int', 'bytes'])).toEqual([]);
  });

  it('writer union against a non-union reader: each branch with its own error and index', () => {
    expect(problems('float', ['int', 'long', 'float', 'double'])).toEqual([
      'TYPE_MISMATCH /3 reader type: FLOAT not compatible with writer type: DOUBLE',
    ]);
    expect(problems(record([field('f', 'int')]), record([field('f', ['null', 'int'])]))).toEqual([
      'TYPE_MISMATCH /fields/0/type/0 reader type: INT not compatible with writer type: NULL',
    ]);
  });

  it('non-union writer against a union reader: one branch suffices', () => {
    expect(problems(['null', 'long'], 'int')).toEqual([]);
    expect(problems(['null', 'string'], 'int')).toEqual([
      'MISSING_UNION_BRANCH / reader union lacking writer type: INT',
    ]);
  });

  it('nested problems inside unions surface as MISSING_UNION_BRANCH', () => {
    const reader = ['null', record([field('x', 'int')], 'Record1')];
    const writer = ['null', record([field('x', 'int')], 'Record2')];
    expect(problems(reader, writer)).toEqual([
      'MISSING_UNION_BRANCH /1 reader union lacking writer type: RECORD',
    ]);
  });

  it('the empty union: nothing can be written, nothing can be read', () => {
    expect(compatible('int', [])).toBe(true);
    expect(compatible([], [])).toBe(true);
    expect(problems([], 'int')).toEqual(['MISSING_UNION_BRANCH / reader union lacking writer type: INT']);
    expect(problems([], ['int', 'string'])).toEqual([
      'MISSING_UNION_BRANCH /0 reader union lacking writer type: INT',
      'MISSING_UNION_BRANCH /1 reader union lacking writer type: STRING',
    ]);
  });
});

describe('recursion and memoisation (compat.md §1)', () => {
  it('recursive types terminate; an in-progress pair counts as compatible', () => {
    const list = (t: string) => record([field('value', t), field('next', ['null', 'Node'])], 'Node');
    expect(problems(list('long'), list('int'))).toEqual([]);
    expect(problems(list('int'), list('long'))).toEqual([
      'TYPE_MISMATCH /fields/0/type reader type: INT not compatible with writer type: LONG',
    ]);
  });

  it('a named type referenced twice reports its problem twice, at the first reference', () => {
    const money = (t: string) => record([field('amount', t)], 'Money');
    const reader = record([field('price', money('int')), field('tax', 'Money')]);
    const writer = record([field('price', money('long')), field('tax', 'Money')]);
    expect(problems(reader, writer)).toEqual([
      'TYPE_MISMATCH /fields/0/type/fields/0/type reader type: INT not compatible with writer type: LONG',
      'TYPE_MISMATCH /fields/0/type/fields/0/type reader type: INT not compatible with writer type: LONG',
    ]);
  });

  it('ignores doc, order, custom properties, logical types and default validity', () => {
    const reader = record([
      field(
        'a',
        { type: 'int', logicalType: 'date', 'x-custom': 1 },
        { doc: 'new', order: 'descending', default: 'oops' },
      ),
    ]);
    const writer = record([field('a', 'int', { doc: 'old' })], 'R', { doc: 'writer doc', custom: true });
    expect(checkCompatibility(reader, writer)).toMatchObject({ compatible: true, incompatibilities: [] });
  });
});
