import type { RegistryClient } from '@charter/registry-client';
import { type Command, ExitCode, flagOption, UsageError } from '../../command.js';
import { printDiagnostics } from '../../output.js';
import { openProject } from '../../project/open-project.js';
import { type EventPlan, incompatibleDiagnostic, planEvent } from './register-plan.js';
import {
  clientFor,
  isRegistryError,
  noUrlDiagnostic,
  registryDiagnostic,
  registryUrl,
} from './registry-access.js';

type Status = 'registered' | 'unchanged' | 'would register';

interface Outcome {
  subject: string;
  schema: string;
  version: number | undefined;
  id: number | undefined;
  status: Status;
  level: string;
  /** The subject's own level before, when it was changed (or would be). */
  previousLevel?: string | null;
}

function table(rows: Outcome[]): string {
  const cells = rows.map((r) => [
    r.subject,
    r.version === undefined ? '-' : `v${r.version}`,
    r.id === undefined ? '-' : `id ${r.id}`,
    r.status +
      (r.previousLevel !== undefined ? `, level ${r.level} (was ${r.previousLevel ?? 'global'})` : ''),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => c.map((v, i) => (i < 3 ? v.padEnd(widths[i]!) : v)).join('  ')).join('\n');
}

/** Sets levels and registers; every plan already passed. */
async function apply(client: RegistryClient, plans: EventPlan[], dryRun: boolean): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const plan of plans) {
    const outcome: Outcome = {
      subject: plan.subject,
      schema: plan.event.event.schema,
      version: plan.existing?.version,
      id: plan.existing?.id,
      status: plan.existing ? 'unchanged' : dryRun ? 'would register' : 'registered',
      level: plan.level,
    };
    // charter.yaml is the source of truth for levels: the subject's own level is pinned to it.
    if (plan.ownLevel !== plan.level) {
      outcome.previousLevel = plan.ownLevel ?? null;
      if (!dryRun) await client.setConfig(plan.subject, plan.level);
    }
    if (!plan.existing && !dryRun) {
      const result = await client.register(plan.subject, plan.text);
      outcome.id = result.id;
      outcome.version = result.version ?? (await client.lookupSchema(plan.subject, plan.text)).version;
    }
    out.push(outcome);
  }
  return out;
}

const command: Command = {
  name: 'register',
  summary:
    "Register every event's schema under its subject, pinning the subject's level to charter.yaml; checks all first and writes nothing if one is incompatible",
  usage: '[--dry-run] [--registry URL] [--json]',
  options: { 'dry-run': { type: 'boolean' }, registry: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('register takes no arguments');
    const opened = openProject(ctx.cwd);
    if (!opened.ok) {
      printDiagnostics(ctx.stderr, opened.diagnostics, ctx.cwd);
      return opened.exitCode;
    }
    const { project } = opened;
    printDiagnostics(ctx.stderr, opened.warnings, ctx.cwd);
    const url = registryUrl(ctx, project.index.registryUrl);
    if (!url) {
      printDiagnostics(ctx.stderr, [noUrlDiagnostic()], ctx.cwd);
      return ExitCode.Usage;
    }
    const client = clientFor(url);
    const events = [...project.events].sort((a, b) => a.event.subject.localeCompare(b.event.subject));
    const dryRun = flagOption(ctx, 'dry-run');
    let current = events[0]?.event.subject ?? '';
    try {
      const plans: EventPlan[] = [];
      for (const event of events) {
        current = event.event.subject;
        plans.push(await planEvent(client, event));
      }
      const rejected = plans.filter((p) => p.verdict && !p.verdict.compatible);
      if (rejected.length > 0) {
        printDiagnostics(
          ctx.stderr,
          rejected.map((p) => incompatibleDiagnostic(p, ctx.cwd)),
          ctx.cwd,
        );
        return ExitCode.Failure;
      }
      const outcomes: Outcome[] = [];
      for (const plan of plans) {
        current = plan.subject;
        outcomes.push(...(await apply(client, [plan], dryRun)));
      }
      if (flagOption(ctx, 'json')) ctx.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
      else if (outcomes.length > 0) ctx.stdout.write(`${table(outcomes)}\n`);
      return ExitCode.Ok;
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      printDiagnostics(ctx.stderr, [registryDiagnostic(error, `cannot register ${current}`)], ctx.cwd);
      return ExitCode.Failure;
    }
  },
};

export default command;
