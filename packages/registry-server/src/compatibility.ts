import type { Schema } from '@charter/schema';
import { checkAgainst } from './compat-check.js';
import type { RegistryCore } from './core.js';
import { Errors, RestError } from './errors.js';
import { candidateOf } from './register.js';
import type { SchemaRequest } from './request-body.js';
import type { StoredVersion } from './store/state.js';
import type { VersionId } from './version-id.js';

/**
 * `POST /compatibility/subjects/{s}/versions[/{v}]`. With a version only that version is compared
 * (even under a transitive level); without, every live version the level asks for, as register does.
 */
export function testCompatibility(
  core: RegistryCore,
  name: string,
  versionId: VersionId | undefined,
  request: SchemaRequest,
  query: { verbose: boolean; normalize: boolean },
): { is_compatible: boolean; messages?: string[] } {
  const subject = core.state.subjects.get(name);
  let compared: StoredVersion[];
  if (versionId === undefined) {
    compared = subject?.live() ?? [];
  } else if (versionId === 'latest') {
    const latest = subject?.latestLive();
    compared = latest ? [latest] : [];
  } else {
    const version = subject?.get(versionId);
    // Soft-deleted versions are never compared against.
    if (!version || version.deleted) throw Errors.versionNotFound(versionId);
    compared = [version];
  }
  let schema: Schema;
  let metadata: SchemaRequest['metadata'];
  try {
    if (request.schema === undefined || request.schema.trim() === '') throw Errors.emptySchema();
    const candidate = candidateOf(core, request, request.schema, {
      strict: true,
      normalize: query.normalize || core.effectiveConfig(name).normalize === true,
      previous: subject?.latestLive(),
    });
    schema = candidate.parsed.schema;
    metadata = candidate.metadata;
  } catch (error) {
    // Confluent answers an invalid candidate as "not compatible" when the caller asked for reasons.
    if (query.verbose && error instanceof RestError && error.code === 42201) {
      return { is_compatible: false, messages: [error.message] };
    }
    throw error;
  }
  const verdict = checkAgainst(core, name, core.effectiveLevel(name), compared, schema, metadata);
  return query.verbose
    ? { is_compatible: verdict.compatible, messages: verdict.messages }
    : { is_compatible: verdict.compatible };
}
