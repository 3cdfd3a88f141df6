/** Stable diagnostic codes of the contract index. */
export const ConfigCode = {
  NotFound: 'CFG001',
  InvalidYaml: 'CFG002',
  UnknownKey: 'CFG003',
  WrongType: 'CFG004',
  InvalidValue: 'CFG005',
  DuplicateEvent: 'CFG006',
  UnknownEvent: 'CFG007',
  DurabilityBelowMinimum: 'CFG008',
  /** Two events would be generated into the same folder (their records share a simple name). */
  FolderClash: 'CFG009',
  /** Two events would be registered under the same subject. */
  SubjectClash: 'CFG010',
} as const;
