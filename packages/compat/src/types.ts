import type { Schema } from '@charter/schema';

/** Avro Java's `SchemaIncompatibilityType`, in its declaration order. */
const INCOMPATIBILITY_TYPES = [
  'NAME_MISMATCH',
  'FIXED_SIZE_MISMATCH',
  'MISSING_ENUM_SYMBOLS',
  'READER_FIELD_MISSING_DEFAULT_VALUE',
  'TYPE_MISMATCH',
  'MISSING_UNION_BRANCH',
] as const;
export type IncompatibilityType = (typeof INCOMPATIBILITY_TYPES)[number];

/** Where in one of the two schemas a problem sits, for source locations and reports. */
export interface SchemaContext {
  /** Full name of the innermost named type enclosing the problem (the problem node itself if named). */
  type?: string;
  /** The field of `type` the problem is in, when `type` is a record. */
  field?: string;
}

/** One reason a reader cannot decode what a writer wrote, as Avro Java reports it, with extra context. */
export interface Incompatibility {
  type: IncompatibilityType;
  /** JSON pointer exactly as Avro 1.11.3+ reports it (`/fields/1/type/0`; `/` is the root). */
  location: string;
  /** Avro Java's detail message (`expected: 16, found: 8`, `[B, D]`, the field name, ...). */
  message: string;
  /** The reader schema node the problem was found at. */
  reader: Schema;
  /** The writer schema node the problem was found at (the writer branch for a missing union branch). */
  writer: Schema;
  /** Reader field names from the root to the problem (`['customer', 'address', 'zip']`). */
  fieldPath: string[];
  readerContext: SchemaContext;
  writerContext: SchemaContext;
  /** Writer enum symbols the reader lacks (MISSING_ENUM_SYMBOLS only), sorted as Java sorts them. */
  missingSymbols?: string[];
}

/**
 * Avro Java throws while checking (a reader field whose name and aliases match several writer fields);
 * Confluent catches it and answers "incompatible" with the exception message.
 */
export interface CompatibilityError {
  kind: 'AMBIGUOUS_FIELD';
  /** The location of the reader field. */
  location: string;
  /** Avro Java's exception message. */
  message: string;
  fieldPath: string[];
  readerContext: SchemaContext;
  /** The writer fields the reader field matched, by name. */
  writerFields: string[];
}

export interface PairResult {
  /** True when `reader` can decode everything `writer` can write. */
  compatible: boolean;
  /** Every incompatibility, in Avro Java's order; empty when compatible or when `error` is set. */
  incompatibilities: Incompatibility[];
  /** Set when Avro Java would throw; the pair is then incompatible. */
  error?: CompatibilityError;
}

export const COMPATIBILITY_LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export function isCompatibilityLevel(value: unknown): value is CompatibilityLevel {
  return typeof value === 'string' && (COMPATIBILITY_LEVELS as readonly string[]).includes(value);
}
