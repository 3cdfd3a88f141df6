import { DiagnosticError } from '@charter/diagnostics';
import type { Schema } from '@charter/schema';
import { schemaToString } from '@charter/schema';
import { CompatCode } from './codes.js';
import { pairMessages } from './confluent-messages.js';
import { type SchemaInput, toSchema } from './input.js';
import { checkSchemas } from './pair-checker.js';
import {
  COMPATIBILITY_LEVELS,
  type CompatibilityLevel,
  isCompatibilityLevel,
  type PairResult,
} from './types.js';

/** Which way one pair check went: `backward` = the candidate reads an old version's data. */
export type Direction = 'backward' | 'forward';

/** One pair check a level made. */
export interface VersionCheck {
  /** Index into `existing` (0 = oldest). */
  index: number;
  /** The registry version number, when known. */
  version: number | undefined;
  direction: Direction;
  /** For `backward` the candidate is the reader; for `forward` the old version is. */
  result: PairResult;
}

export interface LevelResult {
  compatible: boolean;
  /** Confluent's verbose messages, exactly as `?verbose=true` returns them; empty when compatible. */
  messages: string[];
  /** Every pair check made, in the order made; a transitive level stops at the first failing version. */
  checks: VersionCheck[];
  /** Index into `existing` of the version that failed, if any. */
  failedIndex?: number;
}

export interface CheckLevelOptions {
  /** Registry version numbers of `existing`, same order; adds `{oldSchemaVersion: N}` to messages. */
  versions?: readonly (number | undefined)[];
  /** Validate the candidate's names and defaults as a new registration (default true). */
  strictCandidate?: boolean;
  /** Leave out the trailing `{validateFields: 'false', compatibility: '…'}` line the registry appends. */
  omitLevelLine?: boolean;
  /** Check every version of a transitive level instead of stopping at the first failure (reports). */
  exhaustive?: boolean;
}

/** Levels as Confluent's `SchemaValidatorBuilder` builds them. */
function plan(level: CompatibilityLevel): { directions: Direction[]; transitive: boolean } {
  const transitive = level.endsWith('_TRANSITIVE');
  const base = level.replace('_TRANSITIVE', '');
  if (base === 'BACKWARD') return { directions: ['backward'], transitive };
  if (base === 'FORWARD') return { directions: ['forward'], transitive };
  // FULL: Confluent evaluates the forward half (old reads new) first.
  return { directions: ['forward', 'backward'], transitive };
}

/**
 * May `candidate` be registered under a subject whose versions are `existing` (oldest first) at `level`?
 * Confluent's semantics: no history or NONE is compatible; non-transitive levels look at the latest
 * version only; transitive levels go newest first and stop at the first version that fails, whose
 * messages alone are returned. Versions the level does not compare are never parsed.
 */
export function checkLevel(
  level: CompatibilityLevel,
  existing: readonly SchemaInput[],
  candidate: SchemaInput,
  options: CheckLevelOptions = {},
): LevelResult {
  if (!isCompatibilityLevel(level)) {
    throw new DiagnosticError([
      {
        code: CompatCode.UnknownLevel,
        severity: 'error',
        message: `unknown compatibility level ${String(level)}`,
        hint: `one of ${COMPATIBILITY_LEVELS.join(', ')}`,
      },
    ]);
  }
  const next = toSchema(candidate, 'candidate', { strict: options.strictCandidate ?? true });
  const result: LevelResult = { compatible: true, messages: [], checks: [] };
  if (level === 'NONE' || existing.length === 0) return result;
  const { directions, transitive } = plan(level);
  const order = transitive ? existing.map((_, i) => existing.length - 1 - i) : [existing.length - 1];
  for (const index of order) {
    // Only the versions the level compares are resolved (parsed, or produced by a function input).
    const schema = toSchema(existing[index], `existing[${index}]`);
    const version = options.versions?.[index];
    const messages = checkVersion(next, schema, index, version, directions, result);
    if (messages.length > 0 && result.compatible) {
      result.compatible = false;
      result.messages = messages;
      result.failedIndex = index;
      if (!options.exhaustive) break;
    }
  }
  if (!result.compatible && !options.omitLevelLine) {
    result.messages.push(`{validateFields: 'false', compatibility: '${level}'}`);
  }
  return result;
}

/** Confluent's canRead / canBeRead / mutualRead strategy against one version, with its message lines. */
function checkVersion(
  candidate: Schema,
  old: Schema,
  index: number,
  version: number | undefined,
  directions: readonly Direction[],
  into: LevelResult,
): string[] {
  const messages: string[] = [];
  for (const direction of directions) {
    const result = direction === 'backward' ? checkSchemas(candidate, old) : checkSchemas(old, candidate);
    into.checks.push({ index, version, direction, result });
    if (result.compatible) continue;
    const roles =
      direction === 'backward'
        ? ({ reader: 'new', writer: 'old' } as const)
        : ({ reader: 'old', writer: 'new' } as const);
    messages.push(...pairMessages(result, roles));
    // Confluent appends the old version only after the backward half (so never for FULL's forward half).
    const appendSchema = direction === 'backward' || directions.length === 1;
    if (appendSchema) {
      if (version !== undefined) messages.push(`{oldSchemaVersion: ${version}}`);
      messages.push(`{oldSchema: '${schemaToString(old)}'}`);
    }
  }
  return messages;
}
