import type { Schema } from '@charter/schema';
import { type ParsedAvro, parseAvro } from './avro.js';
import { checkAgainst } from './compat-check.js';
import { type RegistryCore, SUPPORTED_TYPES } from './core.js';
import { Errors } from './errors.js';
import { isReadOnly } from './levels.js';
import type { SchemaRequest } from './request-body.js';
import { versionShape } from './shapes.js';
import { identityKey, stableJson } from './store/identity.js';
import type { JsonMap, Op } from './store/ops.js';
import type { StoredVersion } from './store/state.js';

export interface Candidate {
  parsed: ParsedAvro;
  key: string;
  metadata: JsonMap | undefined;
  ruleSet: JsonMap | undefined;
  /** True when metadata or a rule set was sent or inherited (7.x then answers the full record). */
  modified: boolean;
}

export function checkSchemaType(type: string): void {
  if (!(SUPPORTED_TYPES as readonly string[]).includes(type)) throw Errors.invalidSchemaType(type);
}

/** Parses a request's schema against its references into what the registry would store. */
export function candidateOf(
  core: RegistryCore,
  request: SchemaRequest,
  text: string,
  options: { strict: boolean; normalize: boolean; previous: StoredVersion | undefined },
): Candidate {
  checkSchemaType(request.schemaType);
  const parsed = parseAvro(text, core.referencedTypes(request.references), options);
  // Confluent copies metadata and rule set from the latest version when a registration omits them.
  const metadata = request.metadata ?? options.previous?.schema.metadata;
  const ruleSet = request.ruleSet ?? options.previous?.schema.ruleSet;
  const refs = options.normalize ? sortReferences(request.references) : request.references;
  request.references = refs;
  const key = identityKey(request.schemaType, parsed.canonical, refs, metadata, ruleSet);
  return { parsed, key, metadata, ruleSet, modified: metadata !== undefined || ruleSet !== undefined };
}

function sortReferences<T extends { name: string; subject: string; version: number }>(refs: T[]): T[] {
  const seen = new Set<string>();
  return [...refs]
    .sort(
      (a, b) => a.name.localeCompare(b.name) || a.subject.localeCompare(b.subject) || a.version - b.version,
    )
    .filter((r) => {
      const k = `${r.name}\u0000${r.subject}\u0000${r.version}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

function normalizeFor(core: RegistryCore, subject: string, query: boolean): boolean {
  return query || core.effectiveConfig(subject).normalize === true;
}

function answer(version: StoredVersion, full: boolean): Record<string, unknown> {
  return full ? { id: version.schema.id, ...versionShape(version) } : { id: version.schema.id };
}

/** The live version of the subject holding exactly this schema, via the identity index. */
function liveMatch(core: RegistryCore, subject: string, key: string): StoredVersion | undefined {
  const stored = core.state.identities.get(key);
  if (!stored) return undefined;
  let found: StoredVersion | undefined;
  for (const v of stored.usages) {
    if (v.subject === subject && !v.deleted && (!found || v.version > found.version)) found = v;
  }
  return found;
}

/** `POST /subjects/{s}/versions`, in Confluent's order of checks. */
export async function register(
  core: RegistryCore,
  subjectName: string,
  request: SchemaRequest,
  query: { normalize: boolean; force: boolean },
): Promise<Record<string, unknown>> {
  core.checkSubjectName(subjectName);
  const subject = core.state.subjects.get(subjectName);
  const previous = subject?.latestLive();
  const mode = core.effectiveMode(subjectName);
  const importing = mode === 'IMPORT';
  let text = request.schema;
  let filled = false;
  if (text === undefined || text.trim() === '') {
    if (!previous) throw Errors.emptySchema();
    // An empty schema re-registers the latest one, to change only its metadata or rule set.
    text = previous.schema.schema;
    if (request.references.length === 0) request.references = [...previous.schema.references];
    filled = true;
  }
  const normalize = normalizeFor(core, subjectName, query.normalize);
  const candidate = candidateOf(core, request, text, { strict: !importing, normalize, previous });
  const full = candidate.modified || filled;

  // Already a live version of this subject: answer it before any mode or compatibility check.
  const existing = liveMatch(core, subjectName, candidate.key);
  if (
    existing &&
    (request.id === undefined || request.id === existing.schema.id) &&
    (request.version === undefined || request.version === existing.version)
  ) {
    return answer(existing, full);
  }

  if (isReadOnly(mode)) throw Errors.readOnly(subjectName);
  if (request.id !== undefined && !importing) throw Errors.notImportMode(subjectName);
  if (request.id === undefined && mode !== 'READWRITE') throw Errors.notReadWriteMode(subjectName);

  const nextVersion = (subject?.maxVersion() ?? 0) + 1;
  let version = nextVersion;
  let id: number;
  if (importing) {
    id = request.id!;
    if (id < 1) throw Errors.invalidSchema(`: id ${id} is not a positive integer`);
    const holder = core.state.ids.get(id);
    if (holder && holder.key !== candidate.key) throw Errors.idOverwrite(id);
    if (request.version !== undefined) {
      if (request.version < 1) throw Errors.invalidVersion(String(request.version));
      if (subject?.get(request.version)) throw Errors.versionOverwrite(subjectName, request.version);
      version = request.version;
    }
  } else {
    if (!query.force) {
      const live = subject?.live() ?? [];
      const verdict = checkAgainst(
        core,
        subjectName,
        core.effectiveLevel(subjectName),
        live,
        candidate.parsed.schema as Schema,
        candidate.metadata,
      );
      if (!verdict.compatible)
        throw Errors.incompatible(subjectName, verdict.messages, core.incompatibleCode);
    }
    if (request.version !== undefined && request.version !== nextVersion) throw Errors.versionNotNext();
    id = core.state.identities.get(candidate.key)?.id ?? core.state.maxId + 1;
  }

  const ops: Op[] = [];
  // A soft-deleted older version carrying the same id is dropped for good (Confluent's tombstone step).
  for (const old of subject?.versions ?? []) {
    if (
      old.deleted &&
      old.schema.id === id &&
      core.state.referrersOf(subjectName, old.version).length === 0
    ) {
      ops.push({ op: 'hard-delete', subject: subjectName, version: old.version });
    }
  }
  const op: Op = {
    op: 'register',
    subject: subjectName,
    version,
    id,
    schemaType: request.schemaType,
    schema: candidate.parsed.canonical,
  };
  if (request.references.length > 0) op.references = request.references;
  if (candidate.metadata) op.metadata = candidate.metadata;
  if (candidate.ruleSet) op.ruleSet = candidate.ruleSet;
  ops.push(op);
  await core.commit(ops);
  const stored = core.state.subjects.get(subjectName)!.get(version)!;
  return answer(stored, full);
}

/** `POST /subjects/{s}`: the version of a subject holding this schema. */
export function lookup(
  core: RegistryCore,
  subjectName: string,
  request: SchemaRequest,
  query: { normalize: boolean; deleted: boolean },
): Record<string, unknown> {
  const subject = core.subject(subjectName, query.deleted);
  if (request.schema === undefined || request.schema.trim() === '') throw Errors.emptySchema();
  checkSchemaType(request.schemaType);
  const normalize = normalizeFor(core, subjectName, query.normalize);
  const parsed = parseAvro(request.schema, core.referencedTypes(request.references), {
    strict: false,
    normalize,
  });
  const refs = stableJson(normalize ? sortReferences(request.references) : request.references);
  const metadata = request.metadata && stableJson(request.metadata);
  const ruleSet = request.ruleSet && stableJson(request.ruleSet);
  for (let i = subject.versions.length - 1; i >= 0; i--) {
    const v = subject.versions[i]!;
    if (v.deleted && !query.deleted) continue;
    const s = v.schema;
    if (s.schemaType !== request.schemaType || s.schema !== parsed.canonical) continue;
    if (stableJson(s.references) !== refs) continue;
    // Metadata and rule set narrow the match only when the request gives them.
    if (metadata !== undefined && stableJson(s.metadata ?? null) !== metadata) continue;
    if (ruleSet !== undefined && stableJson(s.ruleSet ?? null) !== ruleSet) continue;
    return versionShape(v);
  }
  throw Errors.schemaNotFound();
}
