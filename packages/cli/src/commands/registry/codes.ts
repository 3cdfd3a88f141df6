/** Stable diagnostic codes of the registry commands. */
export const RegistryCode = {
  /** No registry URL from --registry, CHARTER_REGISTRY_URL or charter.yaml. */
  NoUrl: 'REG001',
  /** The registry could not be reached. */
  Unreachable: 'REG002',
  /** The registry refused a request (4xx/5xx other than an incompatibility). */
  Rejected: 'REG003',
  /** The registry says a schema is incompatible with the subject's versions. */
  Incompatible: 'REG004',
  /** Not a compatibility level. */
  InvalidLevel: 'REG005',
  /** The embedded server could not start (data directory locked or damaged, port taken). */
  ServeFailed: 'REG006',
  // REG007 (no project) is retired: CLI002 of every command.
} as const;
