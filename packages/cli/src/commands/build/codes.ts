/** Stable diagnostic codes of `charter build`. */
export const BuildCode = {
  NoProject: 'GEN001',
  FolderClash: 'GEN002',
  OutOfDate: 'GEN003',
} as const;
