import type { Mode } from '../levels.js';
import { identityKey } from './identity.js';
import type { JsonMap, Op, SchemaReference, StoredConfig } from './ops.js';

/** One schema, shared by every subject version that registered it; its id is global. */
export class StoredSchema {
  /** Live and soft-deleted versions that use this schema. */
  readonly usages = new Set<StoredVersion>();
  /** Cached body of `GET /schemas/ids/{id}`. */
  byIdBody: Buffer | undefined;
  /** Cached parsed form, for compatibility checks (the type depends on the schema type). */
  parsed: unknown;

  constructor(
    readonly id: number,
    readonly schemaType: string,
    readonly schema: string,
    readonly references: readonly SchemaReference[],
    readonly metadata: JsonMap | undefined,
    readonly ruleSet: JsonMap | undefined,
    readonly key: string,
  ) {}
}

export interface StoredVersion {
  readonly subject: string;
  readonly version: number;
  readonly schema: StoredSchema;
  deleted: boolean;
}

export class SubjectState {
  /** Versions not hard-deleted, ascending. */
  readonly versions: StoredVersion[] = [];

  constructor(readonly name: string) {}

  get(version: number): StoredVersion | undefined {
    // Versions are usually dense from 1, so try the direct slot first.
    const guess = this.versions[version - 1];
    if (guess?.version === version) return guess;
    return this.versions.find((v) => v.version === version);
  }

  live(): StoredVersion[] {
    return this.versions.filter((v) => !v.deleted);
  }

  latestLive(): StoredVersion | undefined {
    for (let i = this.versions.length - 1; i >= 0; i--) {
      const v = this.versions[i]!;
      if (!v.deleted) return v;
    }
    return undefined;
  }

  hasLive(): boolean {
    return this.versions.some((v) => !v.deleted);
  }

  /** Highest version not hard-deleted (soft-deleted ones count), 0 when none. */
  maxVersion(): number {
    return this.versions.at(-1)?.version ?? 0;
  }
}

function refKey(subject: string, version: number): string {
  return `${subject}\u0000${version}`;
}

/** The registry's whole state: what replaying the log produces. Changes only through `apply`. */
export class RegistryState {
  readonly subjects = new Map<string, SubjectState>();
  readonly ids = new Map<number, StoredSchema>();
  readonly identities = new Map<string, StoredSchema>();
  /** Highest id ever assigned, including hard-deleted ones: ids are never reused. */
  maxId = 0;
  globalConfig: StoredConfig = {};
  readonly subjectConfigs = new Map<string, StoredConfig>();
  globalMode: Mode | undefined;
  readonly subjectModes = new Map<string, Mode>();
  /** Referenced subject version → the versions whose schemas reference it. */
  private readonly referrers = new Map<string, Set<StoredVersion>>();

  apply(op: Op): void {
    switch (op.op) {
      case 'register':
        this.applyRegister(op);
        return;
      case 'soft-delete': {
        const v = this.subjects.get(op.subject)?.get(op.version);
        if (v) v.deleted = true;
        return;
      }
      case 'hard-delete':
        this.applyHardDelete(op.subject, op.version);
        return;
      case 'config':
        if (op.subject === null) this.globalConfig = op.config ?? {};
        else if (op.config) this.subjectConfigs.set(op.subject, op.config);
        else this.subjectConfigs.delete(op.subject);
        return;
      case 'mode':
        if (op.subject === null) this.globalMode = op.mode ?? undefined;
        else if (op.mode) this.subjectModes.set(op.subject, op.mode);
        else this.subjectModes.delete(op.subject);
        return;
    }
  }

  /** Versions (live or soft-deleted) whose schemas reference `subject` version `version`. */
  referrersOf(subject: string, version: number): StoredVersion[] {
    return [...(this.referrers.get(refKey(subject, version)) ?? [])];
  }

  private applyRegister(op: Extract<Op, { op: 'register' }>): void {
    let subject = this.subjects.get(op.subject);
    if (!subject) {
      subject = new SubjectState(op.subject);
      this.subjects.set(op.subject, subject);
    }
    const versions = subject.versions;
    // Only IMPORT may write a version number again; the old one goes first.
    const replaced = versions.findIndex((v) => v.version === op.version);
    if (replaced !== -1) this.removeVersion(subject, replaced);
    let stored = this.ids.get(op.id);
    if (!stored) {
      const key = identityKey(op.schemaType, op.schema, op.references, op.metadata, op.ruleSet);
      const refs = op.references ?? [];
      stored = new StoredSchema(op.id, op.schemaType, op.schema, refs, op.metadata, op.ruleSet, key);
      this.ids.set(op.id, stored);
      if (!this.identities.has(key)) this.identities.set(key, stored);
    }
    if (op.id > this.maxId) this.maxId = op.id;
    const version: StoredVersion = {
      subject: op.subject,
      version: op.version,
      schema: stored,
      deleted: false,
    };
    const last = versions.at(-1);
    if (!last || last.version < op.version) versions.push(version);
    else
      versions.splice(
        versions.findIndex((v) => v.version > op.version),
        0,
        version,
      );
    stored.usages.add(version);
    for (const ref of stored.references) {
      const key = refKey(ref.subject, ref.version);
      let set = this.referrers.get(key);
      if (!set) {
        set = new Set();
        this.referrers.set(key, set);
      }
      set.add(version);
    }
  }

  private applyHardDelete(subjectName: string, version: number): void {
    const subject = this.subjects.get(subjectName);
    if (!subject) return;
    const at = subject.versions.findIndex((v) => v.version === version);
    if (at === -1) return;
    this.removeVersion(subject, at);
    if (subject.versions.length === 0) this.subjects.delete(subjectName);
  }

  private removeVersion(subject: SubjectState, at: number): void {
    const [removed] = subject.versions.splice(at, 1);
    if (!removed) return;
    const stored = removed.schema;
    stored.usages.delete(removed);
    for (const ref of stored.references)
      this.referrers.get(refKey(ref.subject, ref.version))?.delete(removed);
    if (stored.usages.size === 0) {
      this.ids.delete(stored.id);
      if (this.identities.get(stored.key) === stored) this.identities.delete(stored.key);
    }
  }
}
