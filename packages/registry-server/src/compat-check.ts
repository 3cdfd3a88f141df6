import { checkLevel } from '@charter/compat';
import type { Schema } from '@charter/schema';
import type { RegistryCore } from './core.js';
import type { CompatibilityLevel } from './levels.js';
import type { JsonMap } from './store/ops.js';
import type { StoredVersion } from './store/state.js';

export interface CompatVerdict {
  compatible: boolean;
  messages: string[];
}

function groupValue(metadata: JsonMap | undefined, group: string): unknown {
  const properties = metadata?.properties as JsonMap | undefined;
  return properties?.[group];
}

/**
 * Checks a candidate against versions (oldest first) under a level, with Confluent's verbose messages.
 * With a `compatibilityGroup` in the subject's config, only versions in the candidate's group count.
 */
export function checkAgainst(
  core: RegistryCore,
  subject: string,
  level: CompatibilityLevel,
  versions: readonly StoredVersion[],
  candidate: Schema,
  candidateMetadata: JsonMap | undefined,
): CompatVerdict {
  const group = core.effectiveConfig(subject).compatibilityGroup;
  const compared = group
    ? versions.filter((v) => groupValue(v.schema.metadata, group) === groupValue(candidateMetadata, group))
    : versions;
  if (level === 'NONE' || compared.length === 0) return { compatible: true, messages: [] };
  // Functions, so that only the versions the level compares are parsed (once; the parse is cached).
  const result = checkLevel(
    level,
    compared.map((v) => () => core.parsed(v.schema)),
    candidate,
    { versions: compared.map((v) => v.version) },
  );
  return { compatible: result.compatible, messages: result.messages };
}
