import { CompatCode } from '@charter/compat';
import { durabilityWarnings } from '@charter/config';
import { type Command, ExitCode, stringOption, UsageError } from '../../command.js';
import { printDiagnostics, readSourceFrom } from '../../output.js';
import { loadProjectState } from '../../project/project-state.js';
import { askRegistry } from './check/registry-check.js';
import { type CheckReport, formatGithub, formatJson, formatText, reportFails } from './check/report.js';

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** Errors in the report that mean the setup is wrong rather than the contracts: exit 2. */
const CONFIGURATION = new Set<string>([
  CompatCode.InvalidChangeset,
  CompatCode.InvalidRelease,
  CompatCode.RegistryProblem,
]);

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

    const loaded = loadProjectState(ctx.cwd, { against: stringOption(ctx, 'against') });
    if (!loaded.ok) {
      printDiagnostics(ctx.stderr, loaded.diagnostics, ctx.cwd);
      return loaded.exitCode;
    }
    const { state } = loaded;
    const report: CheckReport = {
      ref: state.ref,
      events: state.events.map((e) => e.check),
      registry: new Map(),
      diagnostics: [
        ...state.warnings,
        ...state.problems,
        ...durabilityWarnings(state.index).map(state.shown),
      ],
    };
    const registry = stringOption(ctx, 'registry');
    if (registry)
      await askRegistry(
        registry,
        state.events.map((e) => e.input),
        report,
      );

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
