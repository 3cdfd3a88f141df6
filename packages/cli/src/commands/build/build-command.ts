import { relative } from 'node:path';
import type { Diagnostic } from '@charter/diagnostics';
import { type Command, ExitCode, flagOption, UsageError } from '../../command.js';
import { printDiagnostics } from '../../output.js';
import { openProject } from '../../project/open-project.js';
import { buildPackages } from './build-packages.js';
import { BuildCode } from './codes.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const command: Command = {
  name: 'build',
  summary: 'Generate one package per event from idl/ (types, codec, schema, README) and build its dist/',
  usage: '[--check] [--json]',
  options: { check: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('build takes no arguments');
    const started = performance.now();
    const opened = openProject(ctx.cwd);
    if (!opened.ok) {
      printDiagnostics(ctx.stderr, opened.diagnostics, ctx.cwd);
      return opened.exitCode;
    }
    const { project } = opened;
    printDiagnostics(ctx.stderr, opened.warnings, ctx.cwd);

    const check = flagOption(ctx, 'check');
    const result = buildPackages(project, { check });
    const { report } = result;
    const output = relative(ctx.cwd, project.index.output) || '.';
    const ms = Math.round(performance.now() - started);

    if (check) {
      const changes = [
        ...report.written.map((f) => `  would write   ${f}`),
        ...report.removed.map((f) => `  would remove  ${f}`),
      ];
      if (changes.length > 0) {
        const d: Diagnostic = {
          code: BuildCode.OutOfDate,
          severity: 'error',
          message: `${output}/ is out of date with the contracts (${plural(changes.length, 'change')})`,
          hint: 'run `pnpm build` (or `charter build`) and commit the result',
        };
        printDiagnostics(ctx.stderr, [d], ctx.cwd);
        ctx.stderr.write(`${changes.join('\n')}\n`);
        return ExitCode.Failure;
      }
    }
    if (flagOption(ctx, 'json')) {
      const summary = {
        packages: result.packages.map((p) => ({ name: p.name, dir: `${output}/${p.slug}` })),
        ...report,
        ms,
      };
      ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return ExitCode.Ok;
    }
    const verb = check ? 'checked' : 'built';
    const parts = [
      `${plural(report.written.length, 'file')} written`,
      `${plural(report.removed.length, 'path')} removed`,
    ];
    ctx.stdout.write(
      `charter build: ${verb} ${plural(result.packages.length, 'event package')} in ${output}/ (${check ? 'up to date' : parts.join(', ')}) in ${ms} ms\n`,
    );
    if (!check && report.added.length > 0) {
      ctx.stdout.write(
        `new packages: ${report.added.join(', ')}; run \`pnpm install\` to link them into the workspace\n`,
      );
    }
    return ExitCode.Ok;
  },
};

export default command;
