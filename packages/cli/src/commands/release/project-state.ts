import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { CompatCode, type SourceLocator } from '@charter/compat';
import type { ResolvedEvent } from '@charter/config';
import type { Diagnostic } from '@charter/diagnostics';
import { findProjectRoot, loadProject } from '@charter/project';
import { type JsonValue, stringifyJsonPretty } from '@charter/schema';
import { ExitCode } from '../../command.js';
import { type Changesets, readChangesets } from '../compat/check/changesets.js';
import { type CheckEventInput, checkEvent, type EventCheck } from '../compat/check/check-core.js';
import { findDefaultRef } from '../compat/check/default-ref.js';
import { isGitRepository, resolveCommit } from '../compat/check/git.js';
import { type ReleasedHistory, readReleasedHistories } from '../compat/check/released-history.js';
import { ReleaseCode } from './codes.js';

/** One event of the project with its released history and what `charter check` says about it. */
export interface EventState {
  /** The event's settings from charter.yaml. */
  event: ResolvedEvent;
  input: CheckEventInput;
  /** Absolute path of the event's package folder (`generated/<slug>`). */
  dir: string;
  /** The package's version in the working tree, when the package exists. */
  version: string | undefined;
  history: ReleasedHistory;
  check: EventCheck;
  /** The schema file's text as the package holds it (`schema/<FullName>.avsc`, `releases/<version>.avsc`). */
  schemaText: string;
}

export interface ProjectState {
  root: string;
  /** The git ref the released histories were read at, and its commit. */
  ref: string;
  commit: string;
  /** The event packages' directory, absolute. */
  outputDir: string;
  events: EventState[];
  changesets: Changesets;
  /** Warnings to show (errors end the load). */
  warnings: Diagnostic[];
}

export type LoadOutcome =
  | { ok: true; state: ProjectState }
  | { ok: false; diagnostics: Diagnostic[]; exit: number };

function relativeLocator(locator: SourceLocator, cwd: string): SourceLocator {
  return {
    locate(target) {
      const at = locator.locate(target);
      return at && isAbsolute(at.file) ? { ...at, file: relative(cwd, at.file) } : at;
    },
  };
}

/** The `version` of the package.json in `dir`, when there is one. */
export function packageVersion(dir: string): string | undefined {
  try {
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown })
      .version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** The schema file text the generator writes for an event (Avro's JSON layout). */
export function schemaFileText(json: JsonValue): string {
  return `${stringifyJsonPretty(json)}\n`;
}

const fail = (exit: number, ...diagnostics: Diagnostic[]): LoadOutcome => ({ ok: false, diagnostics, exit });

/**
 * Loads the project around `cwd` the way `charter check` does: the events compiled from idl/, their
 * released versions at a git ref (`against`, else `fallbackRef`, else check's default ref), the
 * changesets in the working tree, and the check of every event against its history.
 */
export function loadProjectState(
  cwd: string,
  against: string | undefined,
  fallbackRef?: string,
): LoadOutcome {
  const root = findProjectRoot(cwd);
  if (!root)
    return fail(ExitCode.Usage, {
      code: ReleaseCode.NoProject,
      severity: 'error',
      message: 'no charter.yaml in this directory or above',
      hint: 'run this command inside a Charter project',
    });
  if (!isGitRepository(root))
    return fail(ExitCode.Usage, {
      code: ReleaseCode.NoProject,
      severity: 'error',
      message: `${root} is not in a git repository: released versions are read from git`,
    });

  const project = loadProject(root);
  const shown = (d: Diagnostic): Diagnostic =>
    d.file ? { ...d, file: relative(cwd, isAbsolute(d.file) ? d.file : join(root, d.file)) } : d;
  const projectDiagnostics = project.diagnostics.map(shown);
  const errors = projectDiagnostics.filter((d) => d.severity === 'error');
  if (!project.index) return fail(ExitCode.Usage, ...projectDiagnostics);
  if (errors.some((d) => !d.code.startsWith('CFG'))) return fail(ExitCode.Failure, ...projectDiagnostics);
  if (errors.length > 0) return fail(ExitCode.Usage, ...projectDiagnostics);

  const wanted = against ?? fallbackRef;
  const commit = wanted ? resolveCommit(root, wanted) : undefined;
  const resolved = wanted
    ? commit
      ? { ref: wanted, commit }
      : undefined
    : findDefaultRef(root, process.env);
  if (!resolved)
    return fail(ExitCode.Usage, {
      code: CompatCode.UnknownRef,
      severity: 'error',
      message: wanted
        ? `unknown git ref ${wanted}`
        : 'none of origin/main, main, origin/master, master exists',
      hint: 'pass --against REF (on CI, fetch the base branch first)',
    });

  const changesets = readChangesets(root);
  if (changesets.diagnostics.length > 0) return fail(ExitCode.Usage, ...changesets.diagnostics.map(shown));

  const outputDir = relative(root, project.index.output) || '.';
  const { histories, diagnostics } = readReleasedHistories(
    root,
    resolved.commit,
    resolved.ref,
    outputDir,
    project.events.map((pe) => ({ slug: pe.event.slug, schema: pe.event.schema })),
  );
  if (diagnostics.length > 0)
    return fail(
      ExitCode.Usage,
      ...diagnostics.map((d) => ({
        ...d,
        code: CompatCode.InvalidRelease,
        message: `released version does not parse: ${d.message}`,
      })),
    );

  const events: EventState[] = project.events.map((pe) => {
    const input: CheckEventInput = {
      event: pe.event,
      schema: pe.schema,
      file: relative(cwd, pe.file),
      sourceMap: relativeLocator(pe.sourceMap, cwd),
    };
    const history = histories.get(pe.event.slug) ?? { kind: 'absent', versions: [] };
    const dir = join(project.index!.output, pe.event.slug);
    return {
      event: pe.event,
      input,
      dir,
      version: packageVersion(dir),
      history,
      check: checkEvent(input, history, { changesets: changesets.bumps }),
      schemaText: schemaFileText(pe.json),
    };
  });
  return {
    ok: true,
    state: {
      root,
      ref: resolved.ref,
      commit: resolved.commit,
      outputDir: project.index.output,
      events,
      changesets,
      warnings: projectDiagnostics.filter((d) => d.severity !== 'error'),
    },
  };
}
