import { COMPATIBILITY_LEVELS, type CompatibilityLevel, checkLevel } from '@charter/compat';
import { describe, expect, it } from 'vitest';
import { field, record } from './helpers.js';

const my = (...fields: unknown[]) => record(fields, 'myrecord');
const f1 = field('f1', 'string');
const f2 = field('f2', 'string');
const f2d = field('f2', 'string', { default: 'x' });

describe('level semantics (compat.md §3)', () => {
  it('NONE and an empty history are always compatible', () => {
    for (const level of COMPATIBILITY_LEVELS) expect(checkLevel(level, [], 'int').compatible).toBe(true);
    expect(checkLevel('NONE', ['string'], 'int')).toEqual({ compatible: true, messages: [], checks: [] });
  });

  it('BACKWARD: the candidate reads the latest version only', () => {
    expect(checkLevel('BACKWARD', [my(f1)], my(f1, f2d)).compatible).toBe(true);
    expect(checkLevel('BACKWARD', [my(f1)], my(f1, f2)).compatible).toBe(false);
    // Non-transitive: v1 is ignored although the candidate cannot read its data.
    expect(checkLevel('BACKWARD', [my(f1), my(f1, f2d)], my(f1, f2)).compatible).toBe(true);
  });

  it('BACKWARD_TRANSITIVE: every version, newest first, stopping at the first failure', () => {
    const result = checkLevel('BACKWARD_TRANSITIVE', [my(f1), my(f1, f2d)], my(f1, f2), { versions: [1, 2] });
    expect(result.compatible).toBe(false);
    expect(result.failedIndex).toBe(0);
    expect(result.checks.map((c) => [c.index, c.direction, c.result.compatible])).toEqual([
      [1, 'backward', true],
      [0, 'backward', false],
    ]);
    expect(result.messages).toContain('{oldSchemaVersion: 1}');
  });

  it('FORWARD: the latest version reads the candidate', () => {
    expect(checkLevel('FORWARD', [my(f1, f2)], my(f1)).compatible).toBe(false);
    expect(checkLevel('FORWARD', [my(f1, f2d)], my(f1)).compatible).toBe(true);
    expect(checkLevel('FORWARD', [my(f1)], my(f1, f2)).compatible).toBe(true);
  });

  it('FORWARD_TRANSITIVE checks older versions too', () => {
    expect(checkLevel('FORWARD', [my(f1, f2), my(f1)], my(f1, field('f3', 'int'))).compatible).toBe(true);
    expect(
      checkLevel('FORWARD_TRANSITIVE', [my(f1, f2), my(f1)], my(f1, field('f3', 'int'))).compatible,
    ).toBe(false);
  });

  it('FULL: both directions, the forward half first; FULL_TRANSITIVE against all', () => {
    const result = checkLevel('FULL', [my(f1)], my(f1, f2));
    expect(result.compatible).toBe(false);
    expect(result.checks.map((c) => c.direction)).toEqual(['forward', 'backward']);
    expect(checkLevel('FULL', [my(f1)], my(f1, f2d)).compatible).toBe(true);
    expect(checkLevel('FULL', [my(f1, f2), my(f1, f2d)], my(f1)).compatible).toBe(true);
    expect(checkLevel('FULL_TRANSITIVE', [my(f1, f2), my(f1, f2d)], my(f1)).compatible).toBe(false);
  });

  it('exhaustive mode checks every version but keeps Confluent’s messages', () => {
    const history = [my(f1), my(f1, field('f3', 'int', { default: 1 })), my(f1, f2d)];
    const quick = checkLevel('BACKWARD_TRANSITIVE', history, my(f1, f2));
    const all = checkLevel('BACKWARD_TRANSITIVE', history, my(f1, f2), { exhaustive: true });
    expect(all.checks.filter((c) => !c.result.compatible).map((c) => c.index)).toEqual([1, 0]);
    expect(all.messages).toEqual(quick.messages);
  });

  it('rejects an unknown level', () => {
    expect(() => checkLevel('SIDEWAYS' as CompatibilityLevel, [], 'int')).toThrow(/CMP002/);
  });
});

describe('verbose messages (compat.md §4)', () => {
  it('BACKWARD: the example of the reference, byte for byte', () => {
    const result = checkLevel('BACKWARD', [my(f1)], my(f1, f2), { versions: [1] });
    expect(result.messages).toEqual([
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'f2'}",
      '{oldSchemaVersion: 1}',
      '{oldSchema: \'{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}\'}',
      "{validateFields: 'false', compatibility: 'BACKWARD'}",
    ]);
  });

  it('without version numbers the version line is left out; the level line can be omitted', () => {
    const result = checkLevel('BACKWARD', [my(f1)], my(f1, f2), { omitLevelLine: true });
    expect(result.messages).toHaveLength(2);
    expect(result.messages[1]).toMatch(/^\{oldSchema: /);
  });

  it('FORWARD names the old schema as reader', () => {
    const result = checkLevel('FORWARD', [my(f1)], my(field('f1', ['null', 'string'])), { versions: [3] });
    expect(result.messages).toEqual([
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type/0') of a field in the old schema does not match with the new schema', additionalInfo:'reader type: STRING not compatible with writer type: NULL'}",
      '{oldSchemaVersion: 3}',
      '{oldSchema: \'{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}\'}',
      "{validateFields: 'false', compatibility: 'FORWARD'}",
    ]);
  });

  it('FULL: the old schema lines follow only the backward half', () => {
    const forwardOnly = checkLevel('FULL', [my(f1)], my(field('f1', ['null', 'string'], { default: null })), {
      versions: [1],
    });
    expect(forwardOnly.messages).toEqual([
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type/0') of a field in the old schema does not match with the new schema', additionalInfo:'reader type: STRING not compatible with writer type: NULL'}",
      "{validateFields: 'false', compatibility: 'FULL'}",
    ]);
    const both = checkLevel(
      'FULL',
      [my(field('e', { type: 'enum', name: 'S', symbols: ['A', 'B'] }))],
      my(field('e', { type: 'enum', name: 'S', symbols: ['A', 'C'] })),
      { versions: [2] },
    );
    expect(both.messages).toEqual([
      "{errorType:'MISSING_ENUM_SYMBOLS', description:'The old schema is missing enum symbols '[C]' at path '/fields/0/type/symbols' in the new schema', additionalInfo:'[C]'}",
      "{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing enum symbols '[B]' at path '/fields/0/type/symbols' in the old schema', additionalInfo:'[B]'}",
      '{oldSchemaVersion: 2}',
      '{oldSchema: \'{"type":"record","name":"myrecord","fields":[{"name":"e","type":{"type":"enum","name":"S","symbols":["A","B"]}}]}\'}',
      "{validateFields: 'false', compatibility: 'FULL'}",
    ]);
  });

  it('every description template', () => {
    const msg = (level: CompatibilityLevel, old: unknown, next: unknown) =>
      checkLevel(level, [old], next, { omitLevelLine: true }).messages[0];
    expect(msg('BACKWARD', record([]), record([], 'Other'))).toBe(
      "{errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path '/name')', additionalInfo:'expected: R'}",
    );
    expect(
      msg('BACKWARD', { type: 'fixed', name: 'F', size: 16 }, { type: 'fixed', name: 'F', size: 8 }),
    ).toBe(
      "{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path '/size' in the new schema does not match with the old schema', additionalInfo:'expected: 16, found: 8'}",
    );
    expect(
      msg('BACKWARD', my(field('f0', ['null', 'string', 'int'])), my(field('f0', ['null', 'string']))),
    ).toBe(
      "{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a type inside a union field at path '/fields/0/type/2' in the old schema', additionalInfo:'reader union lacking writer type: INT'}",
    );
  });

  it('an ambiguous field match becomes Confluent’s unexpected-exception message', () => {
    const result = checkLevel(
      'BACKWARD',
      [my(field('id', 'string'), field('uid', 'string'))],
      my(field('id', 'string', { aliases: ['uid'] })),
    );
    expect(result.compatible).toBe(false);
    expect(result.messages[0]).toMatch(
      /^Unexpected exception during compatibility check: Reader record field id type:STRING pos:0 matches multiple fields/,
    );
  });
});

describe('candidate validation', () => {
  it('a new schema is validated strictly, stored versions leniently', () => {
    const bad = my(field('f1', 'int', { default: 'x' }));
    expect(() => checkLevel('BACKWARD', [my(f1)], bad)).toThrow(
      /candidate schema is invalid at \/fields\/0\/default/,
    );
    expect(checkLevel('BACKWARD', [bad], my(field('f1', 'int'))).compatible).toBe(true);
    expect(checkLevel('BACKWARD', [my(f1)], bad, { strictCandidate: false }).compatible).toBe(false);
  });
});

describe('versions a level does not compare are never resolved', () => {
  function tracked(schemas: unknown[]): { inputs: (() => unknown)[]; resolved: number[] } {
    const resolved: number[] = [];
    return {
      resolved,
      inputs: schemas.map((s, i) => () => {
        resolved.push(i);
        return s;
      }),
    };
  }

  it('non-transitive levels resolve the latest version only; an unparsable older one is not looked at', () => {
    for (const level of ['BACKWARD', 'FORWARD', 'FULL'] as const) {
      const { inputs, resolved } = tracked([{ type: 'record', name: 'broken' }, my(f1), my(f1)]);
      expect(checkLevel(level, inputs, my(f1)).compatible).toBe(true);
      expect(resolved).toEqual([2]);
    }
    expect(checkLevel('BACKWARD', ['not a type', my(f1)], my(f1)).compatible).toBe(true);
    expect(() => checkLevel('BACKWARD', [my(f1), 'not a type'], my(f1))).toThrow(/existing\[1\]/);
  });

  it('NONE resolves nothing; transitive levels resolve newest first up to the first failure', () => {
    const none = tracked([my(f1)]);
    expect(checkLevel('NONE', none.inputs, my(f2)).compatible).toBe(true);
    expect(none.resolved).toEqual([]);
    const transitive = tracked([my(f1, f2d), my(f1), my(f1, f2d), my(f1, f2d)]);
    expect(checkLevel('BACKWARD_TRANSITIVE', transitive.inputs, my(f1, f2)).compatible).toBe(false);
    expect(transitive.resolved).toEqual([3, 2, 1]);
  });
});
