import type { RegistryCore } from './core.js';
import { Errors } from './errors.js';
import { isReadOnly } from './levels.js';
import type { Op } from './store/ops.js';
import type { StoredVersion } from './store/state.js';
import type { VersionId } from './version-id.js';

function referenceDetail(version: StoredVersion, by: readonly StoredVersion[]): string {
  const ids = [...new Set(by.map((v) => v.schema.id))].sort((a, b) => a - b);
  return `subject=${version.subject},version=${version.version} referenced by ids ${ids.join(', ')}`;
}

/** Referrers that block deleting `version`: live ones for a soft delete, any for a hard one. */
function blockers(
  core: RegistryCore,
  version: StoredVersion,
  permanent: boolean,
  ignoreSubject?: string,
): StoredVersion[] {
  return core.state
    .referrersOf(version.subject, version.version)
    .filter((r) => (permanent || !r.deleted) && r.subject !== ignoreSubject);
}

/** `DELETE /subjects/{s}/versions/{v}`. */
export async function deleteVersion(
  core: RegistryCore,
  name: string,
  id: VersionId,
  permanent: boolean,
): Promise<number> {
  const subject = core.subject(name, permanent);
  if (isReadOnly(core.effectiveMode(name))) throw Errors.readOnly(name);
  let version: StoredVersion | undefined;
  if (id === 'latest') {
    version = subject.latestLive();
    if (!version) throw Errors.subjectNotFound(name);
  } else {
    version = subject.get(id);
    if (!version) throw Errors.versionNotFound(id);
  }
  if (!permanent && version.deleted) throw Errors.versionSoftDeleted(name, version.version);
  if (permanent && !version.deleted) throw Errors.versionNotSoftDeleted(name, version.version);
  const by = blockers(core, version, permanent);
  if (by.length > 0) throw Errors.referenceExists(referenceDetail(version, by));
  const ops: Op[] = [
    { op: permanent ? 'hard-delete' : 'soft-delete', subject: name, version: version.version },
  ];
  if (permanent && subject.versions.length === 1) ops.push(...core.dropSubjectSettings(name));
  await core.commit(ops);
  return version.version;
}

/** `DELETE /subjects/{s}`: soft-deletes the live versions, or hard-deletes a soft-deleted subject. */
export async function deleteSubject(core: RegistryCore, name: string, permanent: boolean): Promise<number[]> {
  const subject = core.subject(name, true);
  if (isReadOnly(core.effectiveMode(name))) throw Errors.readOnly(name);
  const live = subject.live();
  if (!permanent && live.length === 0) throw Errors.subjectSoftDeleted(name);
  if (permanent && live.length > 0) throw Errors.subjectNotSoftDeleted(name);
  const targets = permanent ? [...subject.versions] : live;
  for (const version of targets) {
    const by = blockers(core, version, permanent, name);
    if (by.length > 0) throw Errors.referenceExists(referenceDetail(version, by));
  }
  const ops: Op[] = targets.map((v) => ({
    op: permanent ? 'hard-delete' : 'soft-delete',
    subject: name,
    version: v.version,
  }));
  if (permanent) ops.push(...core.dropSubjectSettings(name));
  await core.commit(ops);
  return targets.map((v) => v.version);
}
