import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Command, ExitCode, flagOption, stringOption, UsageError } from '../../command.js';
import { printDiagnostics } from '../../output.js';
import { loadProjectState } from '../../project/project-state.js';
import { writeFilesAtomically } from '../../project/write-atomic.js';
import { type ChangesetPlan, planChangeset } from './changeset-plan.js';

function line(p: ChangesetPlan, dryRun: boolean): string | undefined {
  const pkg = p.event.input.event.package;
  const why = p.reason === 'first' ? 'first release' : `since ${p.since}`;
  const would = dryRun ? 'would ' : '';
  switch (p.action) {
    case 'write':
      return `+ ${pkg} ${p.bump} (${why}): ${would}write ${p.file}`;
    case 'unchanged':
      return `= ${pkg} ${p.bump} (${why}): ${p.file} is up to date`;
    case 'covered':
      return `= ${pkg} ${p.bump} (${why}): declared ${p.declaredElsewhere} by ${p.others.join(', ')}`;
    case 'remove':
      return `- ${pkg}: unchanged since ${p.event.history.versions.at(-1)?.label ?? 'its release'}, ${would}remove ${p.file}`;
    case 'none':
      return undefined;
  }
}

const command: Command = {
  name: 'changeset',
  summary:
    'Write one changeset per changed contract with the bump its schema change needs against the last release, and the change in words',
  usage: '[--against GIT_REF] [--dry-run]',
  options: { against: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`unexpected argument ${ctx.positionals[0]}`);
    const dryRun = flagOption(ctx, 'dry-run');
    const loaded = loadProjectState(ctx.cwd, { against: stringOption(ctx, 'against'), stopOnProblems: true });
    if (!loaded.ok) {
      printDiagnostics(ctx.stderr, loaded.diagnostics, ctx.cwd);
      return loaded.exitCode;
    }
    const { state } = loaded;
    printDiagnostics(ctx.stderr, state.warnings, ctx.cwd);
    const plans = state.events.map((e) => planChangeset(e, state.root, state.changesets.entries));

    if (!dryRun) {
      const writes = plans.filter((p) => p.action === 'write');
      for (const p of writes) mkdirSync(dirname(join(state.root, p.file)), { recursive: true });
      writeFilesAtomically(writes.map((p) => ({ path: join(state.root, p.file), text: p.content! })));
      for (const p of plans) if (p.action === 'remove') rmSync(join(state.root, p.file), { force: true });
    }

    const out = [
      `charter changeset against ${state.ref}: ${plans.length} event${plans.length === 1 ? '' : 's'}`,
    ];
    for (const p of plans) {
      const text = line(p, dryRun);
      if (text) out.push(text);
    }
    const count = (action: ChangesetPlan['action']) => plans.filter((p) => p.action === action).length;
    const written = count('write');
    const unchanged = plans.filter((p) => p.bump === undefined).length;
    out.push(
      `${dryRun ? 'would write' : 'wrote'} ${written} changeset${written === 1 ? '' : 's'}; ` +
        `${plans.length - unchanged} contract${plans.length - unchanged === 1 ? '' : 's'} to release, ${unchanged} unchanged`,
    );
    ctx.stdout.write(`${out.join('\n')}\n`);
    return ExitCode.Ok;
  },
};

export default command;
