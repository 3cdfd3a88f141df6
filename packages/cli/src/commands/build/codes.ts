/** Stable diagnostic codes of `charter build`. */
export const BuildCode = {
  // GEN001 (no project) and GEN002 (two events in one folder) are retired: CLI002 and CFG009.
  OutOfDate: 'GEN003',
} as const;
