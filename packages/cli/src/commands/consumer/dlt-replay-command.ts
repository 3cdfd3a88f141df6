import {
  DEAD_LETTER_REASONS,
  type DeadLetterReason,
  type ReplayEntry,
  type ReplayReport,
  replayDeadLetters,
} from '@charter/consumer';
import { DiagnosticError } from '@charter/diagnostics';
import {
  type Command,
  ExitCode,
  flagOption,
  stringOption,
  stringsOption,
  UsageError,
} from '../../command.js';
import { printDiagnostics } from '../../output.js';
import { ConsumerCode } from './codes.js';
import { connectKafka, noKafkaDiagnostic } from './kafka-connection.js';

function parseReasons(values: string[]): DeadLetterReason[] {
  const reasons = values.flatMap((v) => v.split(',')).filter(Boolean);
  for (const r of reasons) {
    if (!(DEAD_LETTER_REASONS as readonly string[]).includes(r)) {
      throw new UsageError(`unknown --reason ${r} (one of ${DEAD_LETTER_REASONS.join(', ')})`);
    }
  }
  return reasons as DeadLetterReason[];
}

function parseCount(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, not ${text}`);
  return Number(text);
}

function line(e: ReplayEntry): string {
  const where = `${e.dltPartition}@${e.dltOffset}`.padEnd(10);
  const to = e.to ? `  -> ${e.to.topic}${e.to.partition === undefined ? '' : `[${e.to.partition}]`}` : '';
  const count = e.action === 'replay' ? ` (replay ${e.replayCount + 1})` : '';
  return `${where} ${e.action.padEnd(14)} ${(e.reason ?? '-').padEnd(22)} ${e.eventId ?? '-'}${to}${count}`;
}

function summary(r: ReplayReport): string {
  const counts = new Map<string, number>();
  for (const e of r.entries) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  const planned = counts.get('replay') ?? 0;
  const rest = [...counts]
    .filter(([a]) => a !== 'replay')
    .map(([a, n]) => `${n} ${a}`)
    .join(', ');
  const head = r.dryRun
    ? `Would replay ${planned} dead letter(s) of group ${r.group} from ${r.dltTopic}`
    : `Replayed ${r.replayed} dead letter(s) of group ${r.group} from ${r.dltTopic}`;
  return `${head}${rest ? ` (${rest})` : ''}.`;
}

const command: Command = {
  name: 'dlt replay',
  summary:
    "Re-publish a consumer group's dead letters (latest copy per event) to their original topic and partition",
  usage:
    'DLT_TOPIC --group GROUP (--brokers HOST:PORT,... | --kafka-module FILE) [--reason R]... [--event-id ID]... [--since ISO] [--to-topic TOPIC] [--max-replays N] [--from-beginning] [--dry-run] [--json] [--timeout MS]',
  options: {
    group: { type: 'string', short: 'g' },
    brokers: { type: 'string', short: 'b' },
    'kafka-module': { type: 'string' },
    reason: { type: 'string', multiple: true },
    'event-id': { type: 'string', multiple: true },
    since: { type: 'string' },
    'to-topic': { type: 'string' },
    'max-replays': { type: 'string' },
    'from-beginning': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  async run(ctx) {
    const [dltTopic, ...extra] = ctx.positionals;
    if (!dltTopic || extra.length > 0) throw new UsageError('expected exactly one dead-letter topic');
    const group = stringOption(ctx, 'group');
    if (!group) throw new UsageError('--group is required: the consumer group whose dead letters to replay');
    const sinceText = stringOption(ctx, 'since');
    const since = sinceText === undefined ? undefined : new Date(sinceText);
    if (since && Number.isNaN(since.getTime())) throw new UsageError(`--since is not a date: ${sinceText}`);
    const reasons = parseReasons(stringsOption(ctx, 'reason'));
    const maxReplays = parseCount(stringOption(ctx, 'max-replays'), 'max-replays', 3);
    const timeoutMs = parseCount(stringOption(ctx, 'timeout'), 'timeout', 30_000);
    const brokers = (stringOption(ctx, 'brokers') ?? process.env['CHARTER_KAFKA_BROKERS'] ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    const kafkaModule = stringOption(ctx, 'kafka-module');
    if (!kafkaModule && brokers.length === 0) {
      printDiagnostics(ctx.stderr, [noKafkaDiagnostic()], ctx.cwd);
      return ExitCode.Usage;
    }
    const kafka = await connectKafka({ cwd: ctx.cwd, brokers, kafkaModule, clientId: 'charter-dlt-replay' });
    let report: ReplayReport;
    try {
      const toTopic = stringOption(ctx, 'to-topic');
      report = await replayDeadLetters({
        kafka,
        dltTopic,
        group,
        reasons,
        eventIds: stringsOption(ctx, 'event-id'),
        maxReplays,
        timeoutMs,
        dryRun: flagOption(ctx, 'dry-run'),
        fromBeginning: flagOption(ctx, 'from-beginning'),
        ...(since ? { since } : {}),
        ...(toTopic ? { toTopic } : {}),
      });
    } catch (error) {
      if (error instanceof DiagnosticError) throw error;
      throw new DiagnosticError([
        {
          code: ConsumerCode.KafkaError,
          severity: 'error',
          message: `replaying ${dltTopic} failed: ${(error as Error).message}`,
          hint: 'check the brokers and that the dead-letter topic exists',
        },
      ]);
    }
    if (report.failed > 0) {
      const failed = report.entries.find((e) => e.error !== undefined);
      printDiagnostics(
        ctx.stderr,
        [
          {
            code: ConsumerCode.ReplayFailed,
            severity: 'error',
            message: `republishing ${dltTopic} ${failed?.dltPartition}@${failed?.dltOffset} (event ${failed?.eventId ?? '-'}) failed: ${failed?.error}; ${report.replayed} dead letter(s) were republished before it`,
            hint: 'run the same command again: the replay group did not move, and consumers skip what they already applied',
          },
        ],
        ctx.cwd,
      );
      return ExitCode.Failure;
    }
    if (flagOption(ctx, 'json')) {
      ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      for (const e of report.entries) ctx.stdout.write(`${line(e)}\n`);
      ctx.stdout.write(`${summary(report)}\n`);
    }
    return ExitCode.Ok;
  },
};

export default command;
