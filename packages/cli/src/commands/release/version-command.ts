import { formatFindings } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import { type Command, ExitCode, stringOption, UsageError } from '../../command.js';
import { printDiagnostics, readSourceFrom } from '../../output.js';
import { type EventState, loadProjectState, packageVersion } from '../../project/project-state.js';
import { findChangesetsBin } from './changesets-bin.js';
import { ReleaseCode } from './codes.js';
import { checkReleaseTargets, recordReleases } from './record-releases.js';
import { runTool } from './run-tool.js';
import { verifyRelease } from './verify-release.js';

function versions(events: readonly EventState[]): Map<string, string | undefined> {
  return new Map(events.map((e) => [e.dir, packageVersion(e.dir)]));
}

const toolFailed = (message: string, hint?: string): Diagnostic => ({
  code: ReleaseCode.ToolFailed,
  severity: 'error',
  message,
  ...(hint ? { hint } : {}),
});

const command: Command = {
  name: 'release version',
  summary:
    'Check that the changesets declare every schema change truthfully, run `changeset version`, and record releases/<version>.avsc of every event package it bumped',
  usage: '[--against GIT_REF]',
  options: { against: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`unexpected argument ${ctx.positionals[0]}`);
    // The release runs on the branch it releases: compare with what is committed there.
    const loaded = loadProjectState(ctx.cwd, {
      against: stringOption(ctx, 'against'),
      fallbackRef: 'HEAD',
      stopOnProblems: true,
    });
    if (!loaded.ok) {
      printDiagnostics(ctx.stderr, loaded.diagnostics, ctx.cwd);
      return loaded.exitCode;
    }
    const { state } = loaded;
    const verdict = verifyRelease(state.events);
    const targets = checkReleaseTargets(state.events, state.changesets.bumps, state.root);
    printDiagnostics(ctx.stderr, [...state.warnings, ...verdict.warnings], ctx.cwd);
    if (verdict.errors.length > 0 || targets.length > 0) {
      printDiagnostics(ctx.stderr, [...verdict.errors, ...targets], ctx.cwd);
      if (verdict.findings.length > 0)
        ctx.stderr.write(`${formatFindings(verdict.findings, { readSource: readSourceFrom(ctx.cwd) })}\n`);
      ctx.stderr.write('release refused: nothing was versioned\n');
      return ExitCode.Failure;
    }
    if (state.changesets.entries.length === 0) {
      ctx.stdout.write('no changesets: nothing to version\n');
      return ExitCode.Ok;
    }

    const bin = findChangesetsBin(state.root);
    if (!bin) {
      printDiagnostics(
        ctx.stderr,
        [toolFailed('@changesets/cli is not installed', 'pnpm add -D -w @changesets/cli@2.31.1')],
        ctx.cwd,
      );
      return ExitCode.Usage;
    }
    const before = versions(state.events);
    const result = await runTool(process.execPath, [bin, 'version'], { cwd: state.root });
    ctx.stderr.write(result.stdout + result.stderr);
    if (result.code !== 0) {
      printDiagnostics(
        ctx.stderr,
        [toolFailed(`changeset version failed (exit code ${result.code})`)],
        ctx.cwd,
      );
      return ExitCode.Failure;
    }
    const after = versions(state.events);
    const recorded = recordReleases(state.events, before, after, state.root);
    if (recorded.diagnostics.length > 0) {
      printDiagnostics(ctx.stderr, recorded.diagnostics, ctx.cwd);
      return ExitCode.Failure;
    }
    const lines = recorded.releases.map(
      (r) =>
        `${r.package} ${r.from ?? 'new'} → ${r.to}: ${r.written ? 'recorded' : 'already recorded'} ${r.path}`,
    );
    const n = recorded.releases.length;
    lines.push(`versioned ${n} event package${n === 1 ? '' : 's'}`);
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.Ok;
  },
};

export default command;
