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
  /** `charter check`: a changeset declares a smaller bump than the schema change needs. */
  UnderDeclared: 'CMP020',
  /** `charter check`: a contract changed and no changeset names its package. */
  MissingChangeset: 'CMP021',
  /** `charter check`: a changeset's front matter cannot be read. */
  InvalidChangeset: 'CMP022',
  /** `charter check`: a released version read from git does not parse. */
  InvalidRelease: 'CMP023',
  /** `charter check`: topic settings below the durability defaults (warning). */
  TopicDurability: 'CMP024',
  /** `charter check --registry`: the registry rejects the schema. */
  RegistryIncompatible: 'CMP025',
  /** `charter check --registry`: the registry could not be asked, or disagrees on the level (warning). */
  RegistryProblem: 'CMP026',
  /** `charter check`: the git ref to compare against is missing. */
  UnknownRef: 'CMP027',
} as const;

export type CompatCode = (typeof CompatCode)[keyof typeof CompatCode];
