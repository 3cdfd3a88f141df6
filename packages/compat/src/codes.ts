/** Stable diagnostic codes of the compatibility stage. */
export const CompatCode = {
  /** A schema given to the checker does not parse. */
  InvalidSchema: 'CMP001',
  /** Unknown compatibility level. */
  UnknownLevel: 'CMP002',
  /** The new schema cannot be read by, or cannot read, a released version. */
  Incompatible: 'CMP010',
  /** A reader field matches several writer fields through its aliases (Avro Java throws). */
  AmbiguousField: 'CMP011',
} as const;

export type CompatCode = (typeof CompatCode)[keyof typeof CompatCode];
