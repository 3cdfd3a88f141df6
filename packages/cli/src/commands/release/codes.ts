/** Stable diagnostic codes of `charter changeset` and `charter release`. */
export const ReleaseCode = {
  // REL001 (no project, no git repository) is retired: CLI002 and CLI004 of every command.
  /** A breaking change (under the event's level) whose changesets declare less than a major. */
  BreakingNotMajor: 'REL002',
  /** `charter release publish`: no registry from --registry, CHARTER_PUBLISH_REGISTRY or NPM_CONFIG_REGISTRY. */
  NoRegistry: 'REL003',
  /** `charter release publish`: a package to publish has not been built. */
  NotBuilt: 'REL004',
  /** A tool the release runs (changeset, pnpm) failed or is missing. */
  ToolFailed: 'REL005',
  /** A released version's schema is already recorded with other content. */
  ReleaseExists: 'REL006',
  /** A package to publish depends on a private workspace package. */
  PrivateDependency: 'REL007',
  /** A released major breaks the event's level: the registry will refuse it under the same subject (warning). */
  MajorNeedsSubjectPlan: 'REL008',
} as const;
