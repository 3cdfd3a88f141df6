import type { Incompatibility, PairResult } from './types.js';

/** How the two schemas of a pair are called in Confluent's messages: `new`/`old`. */
export interface Roles {
  reader: 'new' | 'old';
  writer: 'new' | 'old';
}

/** Confluent's `Difference` description of one incompatibility, with reader/writer named by role. */
function describeIncompatibility(inc: Incompatibility, roles: Roles): string {
  const { location: loc, message } = inc;
  const r = roles.reader;
  const w = roles.writer;
  switch (inc.type) {
    case 'READER_FIELD_MISSING_DEFAULT_VALUE':
      return `The field '${message}' at path '${loc}' in the ${r} schema has no default value and is missing in the ${w} schema`;
    case 'TYPE_MISMATCH':
      return `The type (path '${loc}') of a field in the ${r} schema does not match with the ${w} schema`;
    case 'NAME_MISMATCH':
      return `The name of the schema has changed (path '${loc}')`;
    case 'FIXED_SIZE_MISMATCH':
      return `The size of FIXED type field at path '${loc}' in the ${r} schema does not match with the ${w} schema`;
    case 'MISSING_ENUM_SYMBOLS':
      return `The ${r} schema is missing enum symbols '${message}' at path '${loc}' in the ${w} schema`;
    case 'MISSING_UNION_BRANCH':
      return `The ${r} schema is missing a type inside a union field at path '${loc}' in the ${w} schema`;
  }
}

/** One verbose message: `{errorType:'…', description:'…', additionalInfo:'…'}`. */
function differenceMessage(inc: Incompatibility, roles: Roles): string {
  return `{errorType:'${inc.type}', description:'${describeIncompatibility(inc, roles)}', additionalInfo:'${inc.message}'}`;
}

/** Confluent's `AvroSchema.isBackwardCompatible` messages for one pair check (empty when compatible). */
export function pairMessages(result: PairResult, roles: Roles): string[] {
  if (result.error) return [`Unexpected exception during compatibility check: ${result.error.message}`];
  return result.incompatibilities.map((inc) => differenceMessage(inc, roles));
}
