import { type Schema, schemaToString } from '@charter/schema';
import { type SchemaInput, toSchema } from './input.js';
import { checkLevel } from './levels.js';
import { semanticForm } from './semantic-form.js';
import type { CompatibilityLevel } from './types.js';

export type ChangeKind = 'major' | 'minor' | 'patch' | 'none';

const ORDER: readonly ChangeKind[] = ['none', 'patch', 'minor', 'major'];

/** Orders bumps: `none` < `patch` < `minor` < `major`. */
export function compareChangeKinds(a: ChangeKind, b: ChangeKind): number {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}

/**
 * The semver bump a schema change needs under a compatibility level:
 * - `major`: `next` breaks `previous` under the level (under NONE, which accepts anything, a change that
 *   breaks either direction: the registry no longer protects consumers, so the version must);
 * - `minor`: compatible, but what readers see changed: fields, symbols, branches, types, names,
 *   defaults or logical types (for example a field added with a default, an enum symbol added);
 * - `patch`: only docs, aliases, field order attributes or custom properties changed;
 * - `none`: the same schema.
 */
export function classifyChange(
  previous: SchemaInput,
  next: SchemaInput,
  level: CompatibilityLevel,
): ChangeKind {
  const before = toSchema(previous, 'previous');
  const after = toSchema(next, 'next');
  return classifySchemas(before, after, level);
}

export function classifySchemas(before: Schema, after: Schema, level: CompatibilityLevel): ChangeKind {
  if (schemaToString(before) === schemaToString(after)) return 'none';
  const gate = level === 'NONE' ? 'FULL' : level;
  if (!checkLevel(gate, [before], after, { strictCandidate: false }).compatible) return 'major';
  if (semanticForm(before) !== semanticForm(after)) return 'minor';
  return 'patch';
}
