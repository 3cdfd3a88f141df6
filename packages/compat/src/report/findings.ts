import type { Diagnostic } from '@charter/diagnostics';
import { CompatCode } from '../codes.js';
import type { Direction, LevelResult } from '../levels.js';
import type {
  CompatibilityError,
  Incompatibility,
  IncompatibilityType,
  PairResult,
  SchemaContext,
} from '../types.js';
import { explainError, explainIncompatibility, type PairLabels } from './explain.js';
import type { SourceLocation, SourceLocator } from './source-locator.js';

/** One problem, explained for people and placed in the source when possible. */
export interface Finding {
  code: string;
  /** Who can no longer read whom (`Consumers using the new schema cannot read data written with v1.2.0`). */
  who: string;
  type: IncompatibilityType | 'AMBIGUOUS_FIELD';
  /** Avro's JSON pointer. */
  location: string;
  /** Reader field path, dotted (`customer.address.zip`); empty at the root. */
  fieldPath: string;
  /** Avro Java's detail message. */
  message: string;
  /** Plain words. */
  text: string;
  hint: string;
  direction?: Direction;
  /** Index into the level's `existing` of the (oldest) version involved. */
  versionIndex?: number;
  /** Every version that fails this way, oldest first (several when versions are merged). */
  versionIndices?: number[];
  source?: SourceLocation;
}

export interface PairReportOptions {
  labels: PairLabels;
  /** Locates the reader's / writer's types and fields in their sources. */
  readerSource?: SourceLocator | undefined;
  writerSource?: SourceLocator | undefined;
  /** The headline; defaults to `<reader> cannot read data written with <writer>`. */
  who?: string;
}

function locateIn(
  locator: SourceLocator | undefined,
  ctx: SchemaContext,
  symbol?: string,
): SourceLocation | undefined {
  if (!locator || ctx.type === undefined) return undefined;
  const target = { type: ctx.type, ...(ctx.field !== undefined ? { field: ctx.field } : {}) };
  return (
    (symbol !== undefined ? locator.locate({ type: ctx.type, symbol }) : undefined) ??
    locator.locate(target) ??
    (ctx.field !== undefined ? locator.locate({ type: ctx.type }) : undefined)
  );
}

/** Where to point: in the new schema when known (else the reader), at the field, type or symbol concerned. */
function sourceOf(
  inc: Incompatibility | CompatibilityError,
  options: PairReportOptions,
): SourceLocation | undefined {
  const onWriter = options.labels.newSide === 'writer';
  if ('kind' in inc) return locateIn(onWriter ? undefined : options.readerSource, inc.readerContext);
  const symbol = inc.type === 'MISSING_ENUM_SYMBOLS' && onWriter ? inc.missingSymbols?.[0] : undefined;
  const primary = onWriter
    ? locateIn(options.writerSource, inc.writerContext, symbol)
    : locateIn(options.readerSource, inc.readerContext);
  if (primary || options.labels.newSide !== undefined) return primary;
  return locateIn(options.writerSource, inc.writerContext);
}

/** Findings for one reader/writer check. */
export function pairFindings(result: PairResult, options: PairReportOptions): Finding[] {
  const who =
    options.who ??
    `${capitalise(options.labels.reader)} cannot read data written with ${options.labels.writer}`;
  const out: Finding[] = [];
  if (result.error) {
    const e = explainError(result.error, options.labels);
    const finding: Finding = {
      code: CompatCode.AmbiguousField,
      who,
      type: 'AMBIGUOUS_FIELD',
      location: result.error.location,
      fieldPath: result.error.fieldPath.join('.'),
      message: result.error.message,
      ...e,
    };
    const source = sourceOf(result.error, options);
    if (source) finding.source = source;
    out.push(finding);
  }
  for (const inc of result.incompatibilities) {
    const finding: Finding = {
      code: CompatCode.Incompatible,
      who,
      type: inc.type,
      location: inc.location,
      fieldPath: inc.fieldPath.join('.'),
      message: inc.message,
      ...explainIncompatibility(inc, options.labels),
    };
    const source = sourceOf(inc, options);
    if (source) finding.source = source;
    out.push(finding);
  }
  return out;
}

export interface LevelReportOptions {
  /** How to call version `index` of `existing` (`v1.2.0`, `version 3`). */
  versionLabel: (index: number) => string;
  /** What to call the candidate (default `the new schema`). */
  newLabel?: string;
  /** Locates the candidate's types and fields (its IDL source map, or a .avsc locator). */
  newSource?: SourceLocator | undefined;
  /**
   * Report versions that fail the same way once, naming them together (default true): a transitive
   * level over many releases otherwise repeats each problem per version.
   */
  mergeVersions?: boolean;
}

/** `v1`, `v1 and v2`, `v1, v2 and v3`, or `v1 … v9 (9 versions)`, oldest first. */
export function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  if (labels.length <= 3) return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return `${labels[0]} … ${labels.at(-1)} (${labels.length} versions)`;
}

function signature(result: PairResult): string {
  if (result.error) return `error ${result.error.location} ${result.error.message}`;
  return result.incompatibilities.map((i) => `${i.type} ${i.location} ${i.message}`).join('\n');
}

/** Findings for every failed pair check of a level result, saying who can no longer read whom. */
export function levelFindings(result: LevelResult, options: LevelReportOptions): Finding[] {
  const label = options.newLabel ?? 'the new schema';
  const groups = new Map<string, { direction: Direction; indices: number[]; result: PairResult }>();
  for (const check of result.checks) {
    if (check.result.compatible) continue;
    const key =
      options.mergeVersions === false
        ? `${check.direction} ${check.index}`
        : `${check.direction} ${signature(check.result)}`;
    const group = groups.get(key);
    if (group) group.indices.push(check.index);
    else groups.set(key, { direction: check.direction, indices: [check.index], result: check.result });
  }
  const out: Finding[] = [];
  for (const { direction, indices, result: pairResult } of groups.values()) {
    const sorted = [...indices].sort((a, b) => a - b);
    const old = joinLabels(sorted.map(options.versionLabel));
    const backward = direction === 'backward';
    const labels: PairLabels = backward
      ? { reader: label, writer: old, newSide: 'reader' }
      : { reader: old, writer: label, newSide: 'writer' };
    const who = backward
      ? `Consumers using ${label} cannot read data written with ${old}`
      : `Consumers still using ${old} cannot read data written with ${label}`;
    const pair: PairReportOptions = backward
      ? { labels, who, readerSource: options.newSource }
      : { labels, who, writerSource: options.newSource };
    for (const f of pairFindings(pairResult, pair)) {
      out.push({ ...f, direction, versionIndex: sorted[0]!, versionIndices: sorted });
    }
  }
  return out;
}

/** A finding as a Diagnostic (`FILE:LINE:COL: error CMP010: …` with its hint). */
export function findingToDiagnostic(finding: Finding): Diagnostic {
  const d: Diagnostic = {
    code: finding.code,
    severity: 'error',
    message: `${finding.who}: ${finding.text}`,
    path: finding.location,
    hint: finding.hint,
  };
  if (finding.source) {
    d.file = finding.source.file;
    d.range = finding.source.range;
  }
  return d;
}

/** `the new schema` → `The new schema`; file names and versions stay as written. */
function capitalise(text: string): string {
  return text.startsWith('the ') ? `T${text.slice(1)}` : text;
}
