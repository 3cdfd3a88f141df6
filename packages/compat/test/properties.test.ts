import { checkCompatibility, checkLevel, classifyChange } from '@charter/compat';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evolution, prng } from './schema-evolution.js';

const evolution = fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => {
  const g = new Evolution(prng(seed));
  const a = g.record(3);
  return { a, b: g.mutate(a) };
});

describe('properties over generated schema evolutions', () => {
  it('every schema reads itself, and an unchanged schema is no change', () => {
    fc.assert(
      fc.property(evolution, ({ a }) => {
        expect(checkCompatibility(a, a)).toMatchObject({ compatible: true, incompatibilities: [] });
        expect(classifyChange(a, a, 'FULL_TRANSITIVE')).toBe('none');
      }),
      { numRuns: 200 },
    );
  });

  it('a verdict is compatible exactly when there is no incompatibility and no error', () => {
    fc.assert(
      fc.property(evolution, ({ a, b }) => {
        for (const [r, w] of [
          [a, b],
          [b, a],
        ]) {
          const result = checkCompatibility(r, w);
          expect(result.compatible).toBe(result.incompatibilities.length === 0 && result.error === undefined);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('levels compose the pair checks: FULL ⇔ BACKWARD ∧ FORWARD; a major change breaks the level', () => {
    fc.assert(
      fc.property(evolution, ({ a, b }) => {
        const backward = checkLevel('BACKWARD', [a], b, { strictCandidate: false }).compatible;
        const forward = checkLevel('FORWARD', [a], b, { strictCandidate: false }).compatible;
        expect(backward).toBe(checkCompatibility(b, a).compatible);
        expect(forward).toBe(checkCompatibility(a, b).compatible);
        expect(checkLevel('FULL', [a], b, { strictCandidate: false }).compatible).toBe(backward && forward);
        expect(classifyChange(a, b, 'BACKWARD') === 'major').toBe(!backward);
        expect(classifyChange(a, b, 'FORWARD') === 'major').toBe(!forward);
      }),
      { numRuns: 200 },
    );
  });
});
