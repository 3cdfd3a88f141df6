import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from '@charter/diagnostics';
import { type Command, ExitCode, flagOption, stringOption, UsageError } from '../../command.js';
import { printDiagnostics } from '../../output.js';
import { openContractIndex } from '../../project/open-project.js';
import { ReleaseCode } from './codes.js';
import { missingEntries, publishSet } from './publish-set.js';
import { PUBLISH_REGISTRY_ENV, publishRegistry } from './registry-option.js';
import { runTool } from './run-tool.js';
import { listWorkspacePackages } from './workspace-packages.js';

const SUMMARY_FILE = 'pnpm-publish-summary.json';

function readPublished(root: string): string[] {
  try {
    const summary = JSON.parse(readFileSync(join(root, SUMMARY_FILE), 'utf8')) as {
      publishedPackages?: { name: string; version: string }[];
    };
    return (summary.publishedPackages ?? []).map((p) => `${p.name}@${p.version}`);
  } catch {
    return [];
  } finally {
    rmSync(join(root, SUMMARY_FILE), { force: true });
  }
}

const command: Command = {
  name: 'release publish',
  summary:
    'Publish every event package, and the workspace packages they need at run time, to a registry (versions already there are skipped)',
  usage: '[--registry URL] [--tag TAG] [--dry-run]',
  options: { registry: { type: 'string' }, tag: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`unexpected argument ${ctx.positionals[0]}`);
    const fail = (code: number, ...diagnostics: Diagnostic[]) => {
      printDiagnostics(ctx.stderr, diagnostics, ctx.cwd);
      return code;
    };
    const registry = publishRegistry(stringOption(ctx, 'registry'), process.env);
    if (!registry)
      return fail(ExitCode.Usage, {
        code: ReleaseCode.NoRegistry,
        severity: 'error',
        message: 'no registry to publish to',
        hint: `pass --registry URL or set ${PUBLISH_REGISTRY_ENV.slice(0, 2).join(' or ')}`,
      });
    const opened = openContractIndex(ctx.cwd);
    if (!opened.ok) return fail(opened.exitCode, ...opened.diagnostics);
    const { root } = opened;

    let set: ReturnType<typeof publishSet>;
    try {
      set = publishSet(await listWorkspacePackages(root), opened.index.output);
    } catch (error) {
      return fail(ExitCode.Failure, {
        code: ReleaseCode.ToolFailed,
        severity: 'error',
        message: (error as Error).message,
      });
    }
    if (set.diagnostics.length > 0) return fail(ExitCode.Failure, ...set.diagnostics);
    const all = [...set.events, ...set.runtime];
    const unbuilt = all.flatMap((p) => {
      const missing = missingEntries(p);
      if (missing.length === 0) return [];
      const d: Diagnostic = {
        code: ReleaseCode.NotBuilt,
        severity: 'error',
        message: `${p.name} is not built: ${missing.join(', ')} missing`,
        file: relative(ctx.cwd, join(p.dir, 'package.json')),
        hint: 'run `pnpm build` first',
      };
      return [d];
    });
    if (unbuilt.length > 0) return fail(ExitCode.Failure, ...unbuilt);
    if (all.length === 0) {
      ctx.stdout.write('no event packages to publish\n');
      return ExitCode.Ok;
    }
    if (flagOption(ctx, 'dry-run')) {
      const lines = all.map((p) => `would publish ${p.name}@${p.version ?? '?'} unless ${registry} has it`);
      ctx.stdout.write(`${lines.join('\n')}\n`);
      return ExitCode.Ok;
    }

    const tag = stringOption(ctx, 'tag');
    const args = [
      'publish',
      '-r',
      ...all.flatMap((p) => ['--filter', p.name]),
      '--registry',
      registry,
      '--access',
      'public',
      '--no-git-checks',
      '--report-summary',
      ...(tag ? ['--tag', tag] : []),
    ];
    rmSync(join(root, SUMMARY_FILE), { force: true });
    const result = await runTool('pnpm', args, { cwd: root });
    const published = readPublished(root);
    ctx.stderr.write(result.stdout + result.stderr);
    if (result.code !== 0)
      return fail(ExitCode.Failure, {
        code: ReleaseCode.ToolFailed,
        severity: 'error',
        message: `pnpm publish failed (exit code ${result.code})${published.length > 0 ? ` after publishing ${published.join(', ')}` : ''}`,
      });
    const lines = published.map((p) => `published ${p}`);
    lines.push(
      `published ${published.length} of ${all.length} packages to ${registry} (${all.length - published.length} already there)`,
    );
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.Ok;
  },
};

export default command;
