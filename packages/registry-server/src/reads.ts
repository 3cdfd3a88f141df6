import type { RegistryCore } from './core.js';
import { Errors } from './errors.js';
import { byIdShape, versionShape } from './shapes.js';
import type { StoredSchema, StoredVersion, SubjectState } from './store/state.js';
import type { VersionId } from './version-id.js';

export interface Page {
  offset: number;
  limit: number;
}

export function page<T>(items: T[], p: Page): T[] {
  const start = Math.max(0, p.offset);
  return p.limit > 0 ? items.slice(start, start + p.limit) : items.slice(start);
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function schemaById(core: RegistryCore, id: number): StoredSchema {
  const stored = core.state.ids.get(id);
  if (!stored) throw Errors.schemaIdNotFound(id);
  return stored;
}

/** The `GET /schemas/ids/{id}` body of a stored schema, encoded once and cached on it. */
export function byIdBody(stored: StoredSchema): Buffer {
  stored.byIdBody ??= Buffer.from(JSON.stringify(byIdShape(stored)), 'utf8');
  return stored.byIdBody;
}

/** `GET /schemas/ids/{id}` body, cached per id unless `maxId` is asked for. */
export function schemaByIdBody(core: RegistryCore, id: number, fetchMaxId: boolean): Buffer | object {
  const stored = schemaById(core, id);
  if (fetchMaxId) return { ...byIdShape(stored), maxId: core.state.maxId };
  return byIdBody(stored);
}

function usagesOf(core: RegistryCore, id: number, deleted: boolean): StoredVersion[] {
  const stored = core.state.ids.get(id);
  if (!stored) throw Errors.schemaNotFound();
  return [...stored.usages]
    .filter((v) => deleted || !v.deleted)
    .sort((a, b) => byString(a.subject, b.subject) || a.version - b.version);
}

export function subjectsById(core: RegistryCore, id: number, deleted: boolean, p: Page): string[] {
  return page([...new Set(usagesOf(core, id, deleted).map((v) => v.subject))], p);
}

export function versionsById(core: RegistryCore, id: number, deleted: boolean, p: Page): object[] {
  return page(
    usagesOf(core, id, deleted).map((v) => ({ subject: v.subject, version: v.version })),
    p,
  );
}

export function listSubjects(
  core: RegistryCore,
  q: { prefix: string; deleted: boolean; deletedOnly: boolean } & Page,
): string[] {
  const all = q.prefix === '' || q.prefix === ':*:';
  const out: string[] = [];
  for (const [name, subject] of core.state.subjects) {
    if (!all && !name.startsWith(q.prefix)) continue;
    const live = subject.hasLive();
    if (q.deletedOnly ? !live : live || q.deleted) out.push(name);
  }
  return page(out.sort(byString), q);
}

export function listVersions(
  core: RegistryCore,
  name: string,
  q: { deleted: boolean; deletedOnly: boolean; deletedAsNegative: boolean } & Page,
): number[] {
  const subject = core.subject(name, q.deleted || q.deletedOnly || q.deletedAsNegative);
  const out: number[] = [];
  for (const v of subject.versions) {
    if (q.deletedOnly) {
      if (v.deleted) out.push(v.version);
    } else if (!v.deleted) out.push(v.version);
    else if (q.deletedAsNegative) out.push(-v.version);
    else if (q.deleted) out.push(v.version);
  }
  return page(out, q);
}

/** Resolves a version of a subject for reading; `latest` is the latest live version. */
export function resolveVersion(
  core: RegistryCore,
  name: string,
  id: VersionId,
  includeDeleted: boolean,
): StoredVersion {
  const subject: SubjectState = core.subject(name, includeDeleted);
  if (id === 'latest') {
    const latest = subject.latestLive();
    if (!latest) throw Errors.subjectNotFound(name);
    return latest;
  }
  const version = subject.get(id);
  if (!version || (version.deleted && !includeDeleted)) throw Errors.versionNotFound(id);
  return version;
}

export function getVersion(core: RegistryCore, name: string, id: VersionId, deleted: boolean): object {
  return versionShape(resolveVersion(core, name, id, deleted));
}

/** Ids of the live schemas that reference a version. */
export function referencedBy(core: RegistryCore, name: string, id: VersionId, p: Page): number[] {
  const version = resolveVersion(core, name, id, false);
  const ids = core.state
    .referrersOf(version.subject, version.version)
    .filter((v) => !v.deleted)
    .map((v) => v.schema.id);
  return page(
    [...new Set(ids)].sort((a, b) => a - b),
    p,
  );
}

/** `GET /schemas`: versions across subjects. */
export function listSchemas(
  core: RegistryCore,
  q: { prefix: string; deleted: boolean; latestOnly: boolean } & Page,
): object[] {
  const out: object[] = [];
  const names = [...core.state.subjects.keys()].sort(byString);
  for (const name of names) {
    if (q.prefix && q.prefix !== ':*:' && !name.startsWith(q.prefix)) continue;
    const subject = core.state.subjects.get(name)!;
    if (q.latestOnly) {
      const latest = subject.latestLive();
      if (latest) out.push(versionShape(latest));
      continue;
    }
    for (const v of subject.versions) if (q.deleted || !v.deleted) out.push(versionShape(v));
  }
  return page(out, q);
}

/** `GET /subjects/{s}/metadata`: the latest version whose metadata properties match every pair. */
export function latestWithMetadata(
  core: RegistryCore,
  name: string,
  pairs: [string, string][],
  deleted: boolean,
): object {
  const subject = core.subject(name, deleted);
  for (let i = subject.versions.length - 1; i >= 0; i--) {
    const v = subject.versions[i]!;
    if (v.deleted && !deleted) continue;
    const props = (v.schema.metadata?.properties ?? {}) as Record<string, unknown>;
    if (pairs.every(([k, value]) => props[k] === value)) return versionShape(v);
  }
  throw Errors.schemaNotFound();
}
