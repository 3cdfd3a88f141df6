/** Stable diagnostic codes the charter command gives itself (not those of a stage it runs). */
export const CliCode = {
  /** A file named on the command line cannot be read or written. */
  CannotRead: 'CLI001',
  /** No charter.yaml in the working directory or a parent. */
  NoProject: 'CLI002',
  /** `FILE.avdl:TypeName`: the file has no such type, or no main schema. */
  NoSuchType: 'CLI003',
  /** The project is not in a git repository, and the command reads released versions from git. */
  NotGitRepository: 'CLI004',
} as const;
