import type { NamedTypes, Schema } from '@charter/schema';
import { parseAvro, referencedNames } from './avro.js';
import { Errors, RestError } from './errors.js';
import { type CompatibilityLevel, DEFAULT_LEVEL, type Mode } from './levels.js';
import type { LogFile } from './store/log-file.js';
import type { Op, SchemaReference, StoredConfig } from './store/ops.js';
import type { RegistryState, StoredSchema, StoredVersion, SubjectState } from './store/state.js';
import { isValidSubject } from './subject-name.js';

export const SUPPORTED_TYPES = ['AVRO'] as const;

/** State, log and the rules every endpoint shares. */
export class RegistryCore {
  constructor(
    readonly state: RegistryState,
    readonly log: LogFile,
    readonly defaultLevel: CompatibilityLevel = DEFAULT_LEVEL,
    /** `error_code` of an incompatible registration: 409 (CP 7.x, Karapace) or 40901 (CP 8.2+). */
    readonly incompatibleCode: 409 | 40901 = 409,
  ) {}

  /**
   * Applies the changes of one request and resolves once they are on disk. Applying first keeps the
   * in-memory view ahead of concurrent requests (two registrations of one schema get one id); no
   * response leaves before the log is durable (see `HttpServer`).
   */
  async commit(ops: Op[]): Promise<void> {
    if (this.log.failed !== undefined) throw Errors.storeFailed();
    for (const op of ops) this.state.apply(op);
    try {
      await this.log.append(ops);
    } catch {
      throw Errors.storeFailed();
    }
  }

  checkSubjectName(subject: string): void {
    if (!isValidSubject(subject)) throw Errors.invalidSubject(subject);
  }

  /** The subject, or 40401 when it has no version at all (with `deleted`), or no live one. */
  subject(name: string, includeDeleted = false): SubjectState {
    const subject = this.state.subjects.get(name);
    if (!subject || (!includeDeleted && !subject.hasLive())) throw Errors.subjectNotFound(name);
    return subject;
  }

  globalConfig(): StoredConfig {
    return {
      ...this.state.globalConfig,
      compatibilityLevel: this.state.globalConfig.compatibilityLevel ?? this.defaultLevel,
    };
  }

  /** Subject config merged field by field over the global one. */
  effectiveConfig(subject: string): StoredConfig {
    return { ...this.globalConfig(), ...this.state.subjectConfigs.get(subject) };
  }

  effectiveLevel(subject: string): CompatibilityLevel {
    return this.effectiveConfig(subject).compatibilityLevel ?? this.defaultLevel;
  }

  globalMode(): Mode {
    return this.state.globalMode ?? 'READWRITE';
  }

  effectiveMode(subject: string): Mode {
    return this.state.subjectModes.get(subject) ?? this.globalMode();
  }

  /** The stored schemas `references` need, each after its own dependencies (42201 if one is missing). */
  dependencies(references: readonly SchemaReference[]): StoredSchema[] {
    const out: StoredSchema[] = [];
    const seen = new Set<number>();
    const visit = (refs: readonly SchemaReference[], depth: number) => {
      if (depth > 64) throw Errors.invalidSchema(': references nest deeper than 64 levels');
      for (const ref of refs) {
        const subject = this.state.subjects.get(ref.subject);
        const version = ref.version === -1 ? subject?.latestLive() : subject?.get(ref.version);
        if (!version) {
          throw Errors.invalidSchema(
            `: reference ${ref.name} to subject '${ref.subject}' version ${ref.version} not found`,
          );
        }
        if (seen.has(version.schema.id)) continue;
        seen.add(version.schema.id);
        visit(version.schema.references, depth + 1);
        out.push(version.schema);
      }
    };
    visit(references, 0);
    return out;
  }

  /** The named types that `references` bring, from the cached parses of the referenced schemas. */
  referencedTypes(references: readonly SchemaReference[]): NamedTypes {
    return referencedNames(this.dependencies(references), (stored) => this.parsed(stored));
  }

  /** A stored schema parsed leniently (as Confluent parses existing versions), cached. */
  parsed(stored: StoredSchema): Schema {
    if (stored.parsed === undefined) {
      try {
        stored.parsed = parseAvro(stored.schema, this.referencedTypes(stored.references), {
          strict: false,
        }).schema;
      } catch (error) {
        if (error instanceof RestError) throw Errors.internal();
        throw error;
      }
    }
    return stored.parsed as Schema;
  }

  /** Live versions of a subject, oldest first; empty when it does not exist. */
  liveVersions(subject: string): StoredVersion[] {
    return this.state.subjects.get(subject)?.live() ?? [];
  }

  /** Ops that drop a subject's own config and mode (after its last version is hard-deleted). */
  dropSubjectSettings(subject: string): Op[] {
    const ops: Op[] = [];
    if (this.state.subjectConfigs.has(subject)) ops.push({ op: 'config', subject, config: null });
    if (this.state.subjectModes.has(subject)) ops.push({ op: 'mode', subject, mode: null });
    return ops;
  }
}
