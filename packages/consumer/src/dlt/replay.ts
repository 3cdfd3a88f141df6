import { coordinatesIdentity, EVENT_ID_HEADER, EVENT_SOURCE_HEADER } from '../event/event-identity.js';
import { copyHeaders, headerInteger, headerString } from '../kafka/headers.js';
import type { KafkaPort, MessageHeaders, OutgoingMessage } from '../kafka/ports.js';
import { replayCount } from './dead-letter-message.js';
import { CHARTER_DLT, type DeadLetterReason, isFailureHeader, SPRING_DLT } from './dlt-headers.js';
import { readTopicToEnd, type TopicRecord } from './read-topic.js';

export interface ReplayOptions {
  kafka: KafkaPort;
  /** The dead-letter topic to read. */
  dltTopic: string;
  /** The consumer group whose dead letters to replay (`kafka_dlt-original-consumer-group`). */
  group: string;
  reasons?: readonly DeadLetterReason[];
  eventIds?: readonly string[];
  /** Only dead letters whose `charter_dlt-failed-at` is at or after this time. */
  since?: Date;
  /** Republish here instead of the original topic (and let the key pick the partition). */
  toTopic?: string;
  /** A dead letter already replayed this many times is left alone ("exhausted"). Default 3. */
  maxReplays?: number;
  dryRun?: boolean;
  /** Read the whole DLT again instead of continuing after the last replay. */
  fromBeginning?: boolean;
  timeoutMs?: number;
}

export type ReplayAction =
  /** Republished (or would be, in a dry run). */
  | 'replay'
  /** A later dead letter of the same event exists; only the latest one is replayed. */
  | 'superseded'
  /** Dead-lettered by another consumer group. */
  | 'other-group'
  /** Excluded by --reason, --event-id or --since: kept for a later replay. */
  | 'filtered'
  /** Replayed --max-replays times already. */
  | 'exhausted'
  /** Carries no original topic and no --to-topic was given. */
  | 'no-destination';

export interface ReplayEntry {
  dltPartition: number;
  dltOffset: string;
  eventId: string | undefined;
  eventSource: string | undefined;
  reason: string | undefined;
  originalTopic: string | undefined;
  originalPartition: number | undefined;
  originalOffset: string | undefined;
  replayCount: number;
  action: ReplayAction;
  /** Where it went (or would go): topic and, when pinned, partition. */
  to?: { topic: string; partition?: number };
  /** Set when the republish failed; later entries were not attempted. */
  error?: string;
}

export interface ReplayReport {
  dltTopic: string;
  group: string;
  dryRun: boolean;
  entries: ReplayEntry[];
  replayed: number;
  failed: number;
  /** The replay group's new committed offsets (not moved in a dry run or after a failure). */
  committed: { partition: number; offset: string }[];
}

/** The consumer group under which `charter dlt replay` remembers how far it got, per original group. */
export function replayGroupId(group: string): string {
  return `charter-dlt-replay.${group}`;
}

function describe(record: TopicRecord): Omit<ReplayEntry, 'action'> {
  const h = record.message.headers;
  const partition = headerInteger(h, SPRING_DLT.originalPartition);
  const offset = headerInteger(h, SPRING_DLT.originalOffset);
  return {
    dltPartition: record.partition,
    dltOffset: record.message.offset,
    eventId: headerString(h, EVENT_ID_HEADER),
    eventSource: headerString(h, EVENT_SOURCE_HEADER),
    reason: headerString(h, CHARTER_DLT.reason),
    originalTopic: headerString(h, SPRING_DLT.originalTopic),
    originalPartition: partition === undefined ? undefined : Number(partition),
    originalOffset: offset?.toString(),
    replayCount: replayCount(h),
  };
}

/** The republished record: original key and bytes, failure headers dropped, the replay count raised. */
function replayMessage(record: TopicRecord, partition: number | undefined): OutgoingMessage {
  const headers: MessageHeaders = {};
  for (const [name, value] of Object.entries(copyHeaders(record.message.headers))) {
    if (!isFailureHeader(name)) headers[name] = value;
  }
  headers[CHARTER_DLT.replayCount] = Buffer.from(String(replayCount(record.message.headers) + 1));
  // A record that was dead-lettered for having no id gets one from its origin, stable across replays,
  // so the consumer can apply it once (the ledger knows it under the same coordinates).
  const h = record.message.headers;
  if (!headerString(h, EVENT_ID_HEADER)) {
    const topic = headerString(h, SPRING_DLT.originalTopic);
    const partition = headerInteger(h, SPRING_DLT.originalPartition);
    const offset = headerInteger(h, SPRING_DLT.originalOffset);
    if (topic !== undefined && partition !== undefined && offset !== undefined) {
      const origin = coordinatesIdentity(topic, Number(partition), offset.toString());
      headers[EVENT_ID_HEADER] = Buffer.from(origin.id);
      headers[EVENT_SOURCE_HEADER] = Buffer.from(origin.source);
    }
  }
  const message: OutgoingMessage = { key: record.message.key, value: record.message.value, headers };
  if (partition !== undefined) message.partition = partition;
  return message;
}

/**
 * `charter dlt replay`: reads the DLT under the group `charter-dlt-replay.<group>`, picks the dead letters
 * of `group` that pass the filters (the latest copy per event), and republishes each to its original
 * topic and partition with `acks: -1`. The consumer's id gate turns the `dead_lettered` ledger row into
 * `applied` exactly once; other Charter groups on the topic skip the event as a duplicate. Afterwards the
 * replay group's offsets move past everything settled, stopping at the first filtered record of `group`,
 * so a later run continues where this one ended.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayReport> {
  const groupId = replayGroupId(options.group);
  const read = await readTopicToEnd(options.kafka, options.dltTopic, groupId, {
    ...(options.fromBeginning ? { fromBeginning: true } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const maxReplays = options.maxReplays ?? 3;
  const entries = read.records.map((record) => ({
    record,
    entry: { ...describe(record), action: 'replay' } as ReplayEntry,
  }));
  const latest = new Map<string, (typeof entries)[number]>();
  for (const item of entries) {
    const { entry, record } = item;
    const group = headerString(record.message.headers, SPRING_DLT.originalConsumerGroup);
    if (group !== options.group) {
      entry.action = 'other-group';
      continue;
    }
    const failedAt = headerString(record.message.headers, CHARTER_DLT.failedAt);
    const passes =
      (!options.reasons?.length || options.reasons.includes(entry.reason as DeadLetterReason)) &&
      (!options.eventIds?.length ||
        (entry.eventId !== undefined && options.eventIds.includes(entry.eventId))) &&
      (!options.since || (failedAt !== undefined && Date.parse(failedAt) >= options.since.getTime()));
    if (!passes) {
      entry.action = 'filtered';
      continue;
    }
    const identity =
      entry.eventId === undefined
        ? `@${entry.dltPartition}/${entry.dltOffset}`
        : `${entry.eventSource}\u0000${entry.eventId}`;
    const previous = latest.get(identity);
    if (previous && previous.entry.replayCount > entry.replayCount) {
      entry.action = 'superseded';
      continue;
    }
    if (previous) previous.entry.action = 'superseded';
    latest.set(identity, item);
  }
  for (const { entry } of latest.values()) {
    if (entry.replayCount >= maxReplays) entry.action = 'exhausted';
    else if (!options.toTopic && !entry.originalTopic) entry.action = 'no-destination';
    else if (options.toTopic) entry.to = { topic: options.toTopic };
    else
      entry.to =
        entry.originalPartition === undefined
          ? { topic: entry.originalTopic! }
          : { topic: entry.originalTopic!, partition: entry.originalPartition };
  }
  const report: ReplayReport = {
    dltTopic: options.dltTopic,
    group: options.group,
    dryRun: options.dryRun ?? false,
    entries: entries.map((e) => e.entry),
    replayed: 0,
    failed: 0,
    committed: [],
  };
  if (options.dryRun) return report;
  const producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const { record, entry } of entries) {
      if (entry.action !== 'replay' || !entry.to) continue;
      try {
        await producer.send({
          topic: entry.to.topic,
          messages: [replayMessage(record, entry.to.partition)],
          acks: -1,
        });
        report.replayed++;
      } catch (error) {
        entry.error = (error as Error).message;
        report.failed++;
        break;
      }
    }
  } finally {
    await producer.disconnect();
  }
  if (report.failed > 0) return report;
  // Advance past settled records; a filtered dead letter of this group holds its partition back.
  const holdBack = new Map<number, bigint>();
  for (const e of report.entries) {
    if (e.action !== 'filtered' && e.action !== 'no-destination') continue;
    const at = BigInt(e.dltOffset);
    const held = holdBack.get(e.dltPartition);
    if (held === undefined || at < held) holdBack.set(e.dltPartition, at);
  }
  const admin = options.kafka.admin();
  await admin.connect();
  try {
    for (const [partition, end] of read.ends) {
      const offset = (holdBack.get(partition) ?? end).toString();
      report.committed.push({ partition, offset });
    }
    if (report.committed.length > 0) {
      await admin.setOffsets({ groupId, topic: options.dltTopic, partitions: report.committed });
    }
  } finally {
    await admin.disconnect();
  }
  return report;
}
