import {
  isNamed,
  isPrimitive,
  isRecord,
  JsonDouble,
  loadSchema,
  numberValue,
  parseSchemaText,
} from '@charter/schema';
import { describe, expect, it } from 'vitest';

describe('model helpers', () => {
  it('tell primitive, named and record schemas apart', () => {
    const kinds = [
      'int',
      { type: 'string', logicalType: 'uuid' },
      { type: 'enum', name: 'E', symbols: ['A'] },
    ]
      .concat([
        { type: 'record', name: 'R', fields: [] },
        { type: 'array', items: 'int' },
        ['null', 'int'],
      ] as never[])
      .map((json) => {
        const s = loadSchema(json);
        return [isPrimitive(s), isNamed(s), isRecord(s)];
      });
    expect(kinds).toEqual([
      [true, false, false],
      [true, false, false],
      [false, true, false],
      [false, true, true],
      [false, false, false],
      [false, false, false],
    ]);
  });

  it('numberValue reads every JSON number representation of a default', () => {
    const { schema } = parseSchemaText(
      '{"type":"record","name":"R","fields":[{"name":"i","type":"int","default":3},{"name":"d","type":"double","default":1.0},{"name":"l","type":"long","default":9007199254740993}]}',
    );
    const values = schema?.type === 'record' ? schema.fields.map((f) => f.default) : [];
    expect(values[1]).toBeInstanceOf(JsonDouble);
    expect(typeof values[2]).toBe('bigint');
    expect(values.map((v) => numberValue(v as number | bigint | JsonDouble))).toEqual([
      3, 1, 9007199254740992,
    ]);
    expect(numberValue(10n)).toBe(10);
  });
});
