import { isValidName } from '@charter/schema';

/**
 * Names IdlReader refuses as type names. The list is Avro's own, typo included: it has
 * `localtimestamp_ms`, so a type may be named `local_timestamp_ms` (only reachable with backticks).
 */
const INVALID_TYPE_NAMES: ReadonlySet<string> = new Set([
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
  'null',
  'date',
  'time_ms',
  'timestamp_ms',
  'localtimestamp_ms',
  'uuid',
]);

/**
 * Avro Java's name rule, `[_\p{L}][_\p{L}\p{Nd}]*`, checked per UTF-16 unit as Java's `Character.isLetter`
 * does: letters outside the Basic Multilingual Plane are refused.
 */
export function isAvroName(name: string): boolean {
  return isValidName(name) && !SURROGATE.test(name);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Why `name` cannot name a record, enum or fixed; undefined when it can. */
export function typeNameProblem(name: string): string | undefined {
  if (!isAvroName(name))
    return `invalid name "${name}": a name starts with a letter or _, then letters, digits or _`;
  if (INVALID_TYPE_NAMES.has(name)) return `"${name}" is reserved for a primitive or logical type`;
  return undefined;
}

/** Why `namespace` is not a valid namespace; undefined when it is. */
export function namespaceProblem(namespace: string): string | undefined {
  for (const part of namespace.split('.')) {
    if (!isAvroName(part)) return `invalid namespace "${namespace}": part "${part}" is not a valid name`;
  }
  return undefined;
}

/** IdlReader's protocol-name check: a letter or `_` somewhere (Java's `Matcher.find`), not a primitive. */
export function protocolNameProblem(name: string): string | undefined {
  if (!/[_\p{L}]/u.test(name)) return `invalid protocol name "${name}"`;
  if (INVALID_TYPE_NAMES.has(name)) return `"${name}" is reserved for a primitive or logical type`;
  return undefined;
}

/** `a.b.C` → `{ name: 'C', namespace: 'a.b' }`; a simple name takes `namespace`. Empty means null. */
export function splitIdentifier(
  identifier: string,
  namespace: string | undefined,
): { name: string; namespace: string | undefined; fullName: string } {
  const dot = identifier.lastIndexOf('.');
  const name = identifier.slice(dot + 1);
  let space = dot < 0 ? namespace : identifier.slice(0, dot);
  if (space === '') space = undefined;
  return { name, namespace: space, fullName: space === undefined ? name : `${space}.${name}` };
}

/** IdlReader.fullName: a dotted reference is already full; a simple one is qualified by the namespace. */
export function qualifyReference(identifier: string, namespace: string | undefined): string {
  if (identifier.includes('.')) return identifier;
  return namespace ? `${namespace}.${identifier}` : identifier;
}
