import { isAbsolute, relative } from 'node:path';
import { CompatCode, type SourceLocator } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import { findProjectRoot, loadProject } from '@charter/project';
import { type Command, ExitCode, stringOption, UsageError } from '../../command.js';
import { printDiagnostics } from '../../output.js';
import { readChangesets } from './check/changesets.js';
import type { CheckEventInput } from './check/check-core.js';
import { findDefaultRef } from './check/default-ref.js';
import { isGitRepository, resolveCommit } from './check/git.js';
import { askRegistry } from './check/registry-check.js';
import { formatGithub, formatJson, formatText, reportFails } from './check/report.js';
import { durabilityWarnings, runCheck } from './check/run-check.js';
import { readSourceFrom } from './read-source.js';

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** Errors that mean the setup is wrong rather than the contracts: exit 2. */
const CONFIGURATION = new Set<string>([
  CompatCode.InvalidChangeset,
  CompatCode.InvalidRelease,
  CompatCode.RegistryProblem,
  CompatCode.UnknownRef,
]);

function configurationError(message: string, hint?: string): Diagnostic {
  const d: Diagnostic = { code: CompatCode.UnknownRef, severity: 'error', message };
  if (hint) d.hint = hint;
  return d;
}

function relativeLocator(locator: SourceLocator, cwd: string): SourceLocator {
  return {
    locate(target) {
      const at = locator.locate(target);
      return at && isAbsolute(at.file) ? { ...at, file: relative(cwd, at.file) } : at;
    },
  };
}

const command: Command = {
  name: 'check',
  summary:
    'Check every event schema against its released versions (git) and the changesets; optionally the registry',
  usage: '[--against GIT_REF] [--format text|json|github] [--registry URL]',
  options: { against: { type: 'string' }, format: { type: 'string' }, registry: { type: 'string' } },
  async run(ctx) {
    const format = (stringOption(ctx, 'format') ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (ctx.positionals.length > 0) throw new UsageError(`unexpected argument ${ctx.positionals[0]}`);
    const fail = (diagnostics: Diagnostic[], code: number) => {
      printDiagnostics(ctx.stderr, diagnostics, ctx.cwd);
      return code;
    };

    const root = findProjectRoot(ctx.cwd);
    if (!root)
      return fail(
        [
          configurationError(
            'no charter.yaml in this directory or above',
            'run charter check inside a Charter project',
          ),
        ],
        ExitCode.Usage,
      );
    if (!isGitRepository(root))
      return fail([configurationError(`${root} is not in a git repository`)], ExitCode.Usage);

    const project = loadProject(root);
    const shown = (d: Diagnostic): Diagnostic =>
      d.file ? { ...d, file: relative(ctx.cwd, isAbsolute(d.file) ? d.file : `${root}/${d.file}`) } : d;
    const projectDiagnostics = project.diagnostics.map(shown);
    // A contract that does not compile is invalid input (1), and explains a config entry naming it;
    // otherwise an error in charter.yaml is a configuration error (2).
    const errors = projectDiagnostics.filter((d) => d.severity === 'error');
    if (!project.index) return fail(projectDiagnostics, ExitCode.Usage);
    if (errors.some((d) => !d.code.startsWith('CFG'))) return fail(projectDiagnostics, ExitCode.Failure);
    if (errors.length > 0) return fail(projectDiagnostics, ExitCode.Usage);

    const against = stringOption(ctx, 'against');
    const resolved = against
      ? (() => {
          const commit = resolveCommit(root, against);
          return commit ? { ref: against, commit } : undefined;
        })()
      : findDefaultRef(root, process.env);
    if (!resolved) {
      return fail(
        [
          configurationError(
            against
              ? `unknown git ref ${against}`
              : 'none of origin/main, main, origin/master, master exists',
            'pass --against REF (on CI, fetch the base branch first)',
          ),
        ],
        ExitCode.Usage,
      );
    }

    const changesets = readChangesets(root);
    const events: CheckEventInput[] = project.events.map((pe) => ({
      event: pe.event,
      schema: pe.schema,
      file: relative(ctx.cwd, pe.file),
      sourceMap: relativeLocator(pe.sourceMap, ctx.cwd),
    }));
    const report = runCheck({
      root,
      ref: resolved.ref,
      commit: resolved.commit,
      outputDir: relative(root, project.index.output) || '.',
      events,
      changesets: changesets.bumps,
    });
    report.diagnostics.unshift(
      ...projectDiagnostics,
      ...changesets.diagnostics.map(shown),
      ...durabilityWarnings(project.index.events, relative(ctx.cwd, project.index.file)),
    );
    const registry = stringOption(ctx, 'registry');
    if (registry) await askRegistry(registry, events, report);

    const failing = reportFails(report);
    const text =
      format === 'json'
        ? formatJson(report)
        : format === 'github'
          ? formatGithub(report)
          : formatText(report, readSourceFrom(ctx.cwd));
    (format === 'text' && failing ? ctx.stderr : ctx.stdout).write(text);
    if (report.diagnostics.some((d) => d.severity === 'error' && CONFIGURATION.has(d.code)))
      return ExitCode.Usage;
    return failing ? ExitCode.Failure : ExitCode.Ok;
  },
};

export default command;
