import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { keptVersion } from '@charter/codegen';
import type { ContractIndex, ResolvedEvent } from '@charter/config';
import type { Diagnostic } from '@charter/diagnostics';
import { type JsonValue, stringifyJsonPretty } from '@charter/schema';
import { ExitCode } from '../command.js';
import { type Changesets, readChangesets } from './changesets.js';
import type { CheckEventInput, EventCheck } from './check-core.js';
import { checkEvents } from './check-events.js';
import { type OpenFailure, openProject } from './open-project.js';
import { relativeLocator } from './paths.js';
import type { ReleasedHistory } from './released-history.js';

/** One event of the project with its released history and what `charter check` says about it. */
export interface EventState {
  /** The event's settings from charter.yaml. */
  event: ResolvedEvent;
  input: CheckEventInput;
  /** Absolute path of the event's package folder (`generated/<slug>`). */
  dir: string;
  /** The package's version in the working tree, when the package exists and has a valid one. */
  version: string | undefined;
  history: ReleasedHistory;
  check: EventCheck;
  /** The schema file's text as the package holds it (`schema/<FullName>.avsc`, `releases/<version>.avsc`). */
  schemaText: string;
}

export interface ProjectState {
  root: string;
  index: ContractIndex;
  /** The git ref the released histories were read at, and its commit. */
  ref: string;
  commit: string;
  /** The event packages' directory, absolute. */
  outputDir: string;
  events: EventState[];
  changesets: Changesets;
  /** The project loader's warnings. */
  warnings: Diagnostic[];
  /**
   * Changesets that cannot be read (CMP022) and released versions that do not parse (CMP023):
   * configuration errors, the commands decide whether to stop on them.
   */
  problems: Diagnostic[];
  /** Makes a diagnostic's file relative to the working directory. */
  shown: (d: Diagnostic) => Diagnostic;
}

/** The `version` of the package.json in `dir`, when there is one and it is a version (as `charter build` keeps it). */
export function packageVersion(dir: string): string | undefined {
  try {
    return keptVersion(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The schema file text the generator writes for an event (Avro's JSON layout). */
export function schemaFileText(json: JsonValue): string {
  return `${stringifyJsonPretty(json)}\n`;
}

export interface LoadProjectStateOptions {
  /** The git ref to read released versions at (`--against`). */
  against?: string | undefined;
  /** The ref when `against` is not given; else `charter check`'s default ref. */
  fallbackRef?: string;
  /** Fail (exit 2) on unreadable changesets or released versions instead of returning them as problems. */
  stopOnProblems?: boolean;
}

/**
 * Loads the project around `cwd` for the commands that judge it against its releases (`check`,
 * `changeset`, `release version`): the events compiled from idl/, their released versions at a git ref
 * (`against`, else `fallbackRef`, else check's default ref), the changesets in the working tree, and
 * the check of every event against its history.
 */
export function loadProjectState(
  cwd: string,
  options: LoadProjectStateOptions = {},
): { ok: true; state: ProjectState } | OpenFailure {
  const { against, fallbackRef } = options;
  const opened = openProject(cwd, {
    ref: fallbackRef === undefined ? { against } : { against, fallback: fallbackRef },
  });
  if (!opened.ok) return opened;
  const { root, project, shown } = opened;
  const { index } = project;
  const { ref, commit } = opened.ref!;
  const changesets = readChangesets(root);
  const checked = checkEvents({
    root,
    ref,
    commit,
    outputDir: relative(root, index.output) || '.',
    events: project.events.map((pe) => ({
      event: pe.event,
      schema: pe.schema,
      file: relative(cwd, pe.file),
      sourceMap: relativeLocator(pe.sourceMap, cwd),
      json: pe.json,
    })),
    changesets: changesets.bumps,
  });
  const problems = [...changesets.diagnostics.map(shown), ...checked.diagnostics];
  if (options.stopOnProblems && problems.length > 0)
    return { ok: false, diagnostics: problems, exitCode: ExitCode.Usage };
  const events: EventState[] = checked.events.map(({ input, history, check }) => {
    const { json, ...checkInput } = input;
    const dir = join(index.output, input.event.slug);
    return {
      event: input.event,
      input: checkInput,
      dir,
      version: packageVersion(dir),
      history,
      check,
      schemaText: schemaFileText(json),
    };
  });
  return {
    ok: true,
    state: {
      root,
      index,
      ref,
      commit,
      outputDir: index.output,
      events,
      changesets,
      warnings: opened.warnings,
      problems,
      shown,
    },
  };
}
