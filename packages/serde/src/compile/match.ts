import type { Schema, UnionSchema } from '@charter/schema';
import { ResolutionError } from '../errors.js';
import type { CodecOptions } from '../representation.js';
import { compileDecoder } from './decoder.js';

function kind(schema: Schema): string {
  return schema.type === 'error' ? 'record' : schema.type;
}

/** Same Avro type (records and errors alike); names are compared only when picking a union branch. */
export function sameKind(w: Schema, r: Schema): boolean {
  return kind(w) === kind(r);
}

const PROMOTIONS: Record<string, readonly string[]> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

function resolves(w: Schema, r: Schema, options: CodecOptions): boolean {
  try {
    compileDecoder(w, r, options);
    return true;
  } catch (error) {
    if (error instanceof ResolutionError) return false;
    throw error;
  }
}

/**
 * The reader's union branch that a writer's (non-union) schema resolves to, as Avro Java picks it: a
 * named type with the same full name (or a reader alias), else the first branch of the same type for
 * unnamed types, else a record of matching structure (preferring the same simple name), else the first
 * branch the writer's type promotes to. -1 when none.
 */
export function matchBranch(w: Schema, union: UnionSchema, options: CodecOptions): number {
  let structural = -1;
  for (const [j, b] of union.branches.entries()) {
    if (!sameKind(w, b)) continue;
    if ('fullName' in w && 'fullName' in b) {
      if (w.fullName === b.fullName || b.aliases.includes(w.fullName)) return j;
      if (kind(w) === 'record' && resolves(w, b, options)) {
        if (structural < 0 || w.name === b.name) structural = j;
      }
    } else {
      return j;
    }
  }
  if (structural >= 0) return structural;
  const targets = PROMOTIONS[w.type] ?? [];
  return union.branches.findIndex((b) => targets.includes(b.type));
}
