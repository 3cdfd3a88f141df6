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
} as const;
