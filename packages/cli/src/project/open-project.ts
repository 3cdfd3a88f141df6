import { join } from 'node:path';
import { CompatCode } from '@charter/compat';
import { CONFIG_FILE, type ContractIndex, loadContractIndex } from '@charter/config';
import type { Diagnostic } from '@charter/diagnostics';
import { findProjectRoot, loadProject, type Project } from '@charter/project';
import { ExitCode } from '../command.js';
import { CliCode } from './codes.js';
import { findDefaultRef } from './default-ref.js';
import { isGitRepository, resolveCommit } from './git.js';
import { shownDiagnostic } from './paths.js';

/** Why a project could not be opened, ready to print; `exitCode` is 2 for setup problems, 1 for bad contracts. */
export interface OpenFailure {
  ok: false;
  diagnostics: Diagnostic[];
  exitCode: number;
}

export interface OpenedProject {
  ok: true;
  root: string;
  project: Project & { index: ContractIndex };
  /** The loader's warnings, with files relative to the working directory. */
  warnings: Diagnostic[];
  /** Makes a diagnostic's file relative to the working directory (relative files are project-relative). */
  shown: (d: Diagnostic) => Diagnostic;
  /** The git ref released versions are read at, when one was asked for. */
  ref?: { ref: string; commit: string };
}

export interface OpenProjectOptions {
  /** The command reads git history: the project must be in a git repository. */
  needGit?: boolean;
  /**
   * Resolve the ref released versions are read at (implies `needGit`): `against`, else `fallback`, else
   * `charter check`'s default (the pull request base, origin/main, main, origin/master, master).
   */
  ref?: { against: string | undefined; fallback?: string };
}

const failure = (exitCode: number, diagnostics: Diagnostic[]): OpenFailure => ({
  ok: false,
  diagnostics,
  exitCode,
});

/** The project root at or above `cwd`, or CLI002 (exit 2). */
export function locateProject(cwd: string): { ok: true; root: string } | OpenFailure {
  const root = findProjectRoot(cwd);
  if (root) return { ok: true, root };
  return failure(ExitCode.Usage, [
    {
      code: CliCode.NoProject,
      severity: 'error',
      message: `no ${CONFIG_FILE} in this directory or a parent directory`,
      hint: 'run this command inside a Charter project',
    },
  ]);
}

/** Reads only charter.yaml of the project at or above `cwd` (no IDL): for commands that need no contracts. */
export function openContractIndex(
  cwd: string,
): { ok: true; root: string; index: ContractIndex } | OpenFailure {
  const located = locateProject(cwd);
  if (!located.ok) return located;
  const loaded = loadContractIndex(join(located.root, CONFIG_FILE));
  if (!loaded.index)
    return failure(
      ExitCode.Usage,
      loaded.diagnostics.map((d) => shownDiagnostic(d, cwd, located.root)),
    );
  return { ok: true, root: located.root, index: loaded.index };
}

/**
 * The exit code of a project that failed to load: a contract that does not compile is invalid input (1),
 * and explains a config entry naming it; otherwise the error is in charter.yaml: a configuration error (2).
 */
function exitCodeOf(errors: readonly Diagnostic[]): number {
  return errors.some((d) => !d.code.startsWith('CFG')) ? ExitCode.Failure : ExitCode.Usage;
}

/**
 * The start of every command that works on the project around the working directory: finds charter.yaml
 * (CLI002), checks for git when needed (CLI004), loads the contract index and compiles the contracts,
 * and resolves the git ref to compare against (CMP027). Diagnostics name files relative to `cwd`.
 */
export function openProject(cwd: string, options: OpenProjectOptions = {}): OpenedProject | OpenFailure {
  const located = locateProject(cwd);
  if (!located.ok) return located;
  const { root } = located;
  if ((options.needGit || options.ref) && !isGitRepository(root))
    return failure(ExitCode.Usage, [
      {
        code: CliCode.NotGitRepository,
        severity: 'error',
        message: `${root} is not in a git repository: released versions are read from git`,
      },
    ]);

  const project = loadProject(root);
  const shown = (d: Diagnostic) => shownDiagnostic(d, cwd, root);
  const diagnostics = project.diagnostics.map(shown);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!project.index) return failure(ExitCode.Usage, diagnostics);
  if (errors.length > 0) return failure(exitCodeOf(errors), diagnostics);
  const opened: OpenedProject = {
    ok: true,
    root,
    project: project as Project & { index: ContractIndex },
    warnings: diagnostics,
    shown,
  };
  if (!options.ref) return opened;

  const { against, fallback } = options.ref;
  const wanted = against ?? fallback;
  const commit = wanted === undefined ? undefined : resolveCommit(root, wanted);
  const ref = wanted === undefined ? findDefaultRef(root, process.env) : commit && { ref: wanted, commit };
  if (!ref)
    return failure(ExitCode.Usage, [
      {
        code: CompatCode.UnknownRef,
        severity: 'error',
        message: wanted
          ? `unknown git ref ${wanted}`
          : 'none of origin/main, main, origin/master, master exists',
        hint: 'pass --against REF (on CI, fetch the base branch first)',
      },
    ]);
  opened.ref = ref;
  return opened;
}
