import { checkCompatibility, InvalidSchemaError } from '@charter/compat';
import { describe, expect, it } from 'vitest';
import { field, record } from './helpers.js';

function thrown(fn: () => unknown): InvalidSchemaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidSchemaError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('invalid schemas raise InvalidSchemaError with the bad node path', () => {
  it('an unknown type in the writer', () => {
    const error = thrown(() => checkCompatibility('int', record([field('a', 'int'), field('b', 'strng')])));
    expect(error.role).toBe('writer');
    expect(error.path).toBe('/fields/1/type');
    expect(error.diagnostics[0]).toMatchObject({ code: 'CMP001', path: '/fields/1/type' });
    expect(error.message).toContain('the writer schema is invalid at /fields/1/type');
  });

  it('a record without fields in the reader', () => {
    const error = thrown(() => checkCompatibility({ type: 'record', name: 'R' }, 'int'));
    expect(error.role).toBe('reader');
    expect(error.path).toBe('/');
  });

  it('not a schema at all', () => {
    expect(thrown(() => checkCompatibility(42, 'int')).path).toBe('/');
    expect(thrown(() => checkCompatibility('int', { type: 'array' })).role).toBe('writer');
  });

  it('schema text strings are parsed', () => {
    expect(
      checkCompatibility('{"type":"array","items":"long"}', '{"type":"array","items":"int"}').compatible,
    ).toBe(true);
  });
});
