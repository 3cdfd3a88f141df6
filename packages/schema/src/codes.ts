/** Stable diagnostic codes of the schema stage. */
export const SchemaCode = {
  InvalidJson: 'SCH001',
  UndefinedName: 'SCH002',
  InvalidName: 'SCH003',
  RedefinedName: 'SCH004',
  MissingAttribute: 'SCH005',
  InvalidAttribute: 'SCH006',
  DuplicateField: 'SCH007',
  DuplicateSymbol: 'SCH008',
  InvalidDefault: 'SCH009',
  InvalidEnumDefault: 'SCH010',
  InvalidUnion: 'SCH011',
  InvalidSize: 'SCH012',
  InvalidOrder: 'SCH013',
  InvalidAliases: 'SCH014',
  IgnoredLogicalType: 'SCH015',
  UnknownType: 'SCH016',
  PrimitiveName: 'SCH017',
} as const;

export type SchemaCode = (typeof SchemaCode)[keyof typeof SchemaCode];
