import type { MessageHeaders } from '../kafka/ports.js';
import { FakeClock } from './fake-clock.js';
import { ScriptedAdmin } from './scripted-admin.js';
import { ScriptedConsumer, type ScriptedConsumerConfig } from './scripted-consumer.js';
import { ScriptedKafkaError } from './scripted-errors.js';
import { ScriptedFaults } from './scripted-faults.js';
import { ScriptedProducer } from './scripted-producer.js';

export interface StoredRecord {
  offset: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: { [key: string]: Buffer | Buffer[] };
  timestamp: string;
}

export interface AppendInput {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: MessageHeaders;
  timestamp?: string;
}

interface PartitionLog {
  records: StoredRecord[];
  /** First retained offset. */
  low: bigint;
  /** The offset the next record gets. */
  high: bigint;
}

export interface CommitRecord {
  groupId: string;
  memberId: string;
  generation: number;
  topic: string;
  partition: number;
  offset: string;
  accepted: boolean;
  error?: string;
}

export interface SendRecord {
  topic: string;
  acks: number | undefined;
  count: number;
  ok: boolean;
  error?: string;
}

interface Member {
  id: string;
  consumer: ScriptedConsumer;
  topics: string[];
  /** The generation this member last synced to. */
  generation: number;
  lastSeen: number;
  sessionTimeout: number;
}

interface Group {
  generation: number;
  members: Map<string, Member>;
  assignment: Map<string, { [topic: string]: number[] }>;
  committed: Map<string, bigint>;
}

export interface ScriptedKafkaOptions {
  clock?: FakeClock;
  /** Create a topic of one partition on first send, as `auto.create.topics.enable`. Default true. */
  autoCreateTopics?: boolean;
  /**
   * Consumers fetch by themselves after `run()` (a background loop on real timers), for code that drives a
   * consumer the way it drives kafkajs, such as `charter dlt replay`; a function picks groups. Default
   * false: the test polls.
   */
  autoPoll?: boolean | ((groupId: string) => boolean);
}

const tp = (topic: string, partition: number) => `${topic}\u0000${partition}`;

function toBuffer(v: Buffer | string): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v);
}

/** A stable partitioner for the double (not kafkajs' murmur2: only stability matters here). */
function partitionFor(key: Buffer | null, partitions: number, counter: number): number {
  if (!key) return counter % partitions;
  let h = 0;
  for (const byte of key) h = (h * 31 + byte) >>> 0;
  return h % partitions;
}

/**
 * An in-memory broker and group coordinator driven by a fake clock and by the test: partition logs with
 * real int64 offsets (gaps allowed), consumer groups with generations, sessions and committed offsets,
 * and scripted faults. `consumer()`, `producer()` and `admin()` give kafkajs-shaped clients, so the double
 * is a `KafkaPort`. Consumers fetch only when the test calls `poll()`, which makes interleavings exact.
 */
export class ScriptedKafka {
  readonly clock: FakeClock;
  readonly faults = new ScriptedFaults();
  readonly commits: CommitRecord[] = [];
  readonly sends: SendRecord[] = [];
  private readonly topics = new Map<string, PartitionLog[]>();
  private readonly groups = new Map<string, Group>();
  private readonly autoCreate: boolean;
  private readonly autoPollFor: (groupId: string) => boolean;
  private memberCounter = 0;
  private roundRobin = 0;

  constructor(options: ScriptedKafkaOptions = {}) {
    this.clock = options.clock ?? new FakeClock();
    this.autoCreate = options.autoCreateTopics ?? true;
    const auto = options.autoPoll ?? false;
    this.autoPollFor = typeof auto === 'function' ? auto : () => auto;
  }

  createTopic(topic: string, partitions = 1): void {
    if (this.topics.has(topic)) return;
    this.topics.set(
      topic,
      Array.from({ length: partitions }, () => ({ records: [], low: 0n, high: 0n })),
    );
  }

  hasTopic(topic: string): boolean {
    return this.topics.has(topic);
  }

  partitionCount(topic: string): number {
    return this.topics.get(topic)?.length ?? 0;
  }

  private log(topic: string, partition: number): PartitionLog {
    const log = this.topics.get(topic)?.[partition];
    if (!log)
      throw new ScriptedKafkaError('UNKNOWN_TOPIC_OR_PARTITION', `no partition ${topic}/${partition}`);
    return log;
  }

  /** Appends a record; `offset` may skip ahead to leave a gap (as compaction or transaction markers do). */
  append(
    topic: string,
    partition: number,
    input: AppendInput,
    options: { offset?: bigint | string } = {},
  ): string {
    const log = this.log(topic, partition);
    const offset = options.offset === undefined ? log.high : BigInt(options.offset);
    if (offset < log.high) throw new Error(`offset ${offset} is below the log end ${log.high}`);
    const headers: StoredRecord['headers'] = {};
    for (const [k, v] of Object.entries(input.headers ?? {})) {
      if (v === undefined) continue;
      headers[k] = Array.isArray(v) ? v.map(toBuffer) : toBuffer(v);
    }
    log.records.push({
      offset,
      key: input.key === undefined || input.key === null ? null : toBuffer(input.key),
      value: input.value === null ? null : toBuffer(input.value),
      headers,
      timestamp: input.timestamp ?? String(this.clock.now()),
    });
    log.high = offset + 1n;
    return offset.toString();
  }

  /** Appends to the partition the key hashes to (or the next one, round robin, without a key). */
  appendKeyed(
    topic: string,
    input: AppendInput & { partition?: number },
  ): { partition: number; offset: string } {
    if (!this.topics.has(topic)) {
      if (!this.autoCreate) throw new ScriptedKafkaError('UNKNOWN_TOPIC_OR_PARTITION', `no topic ${topic}`);
      this.createTopic(topic, 1);
    }
    const key = input.key === undefined || input.key === null ? null : toBuffer(input.key);
    const partition = input.partition ?? partitionFor(key, this.partitionCount(topic), this.roundRobin++);
    return { partition, offset: this.append(topic, partition, input) };
  }

  /** Deletes records below `low`, as retention does. */
  truncate(topic: string, partition: number, low: bigint | string): void {
    const log = this.log(topic, partition);
    log.low = BigInt(low);
    log.records = log.records.filter((r) => r.offset >= log.low);
  }

  records(topic: string, partition = 0): StoredRecord[] {
    return [...(this.topics.get(topic)?.[partition]?.records ?? [])];
  }

  /** Every record of a topic, all partitions. */
  allRecords(topic: string): (StoredRecord & { partition: number })[] {
    return (this.topics.get(topic) ?? []).flatMap((log, partition) =>
      log.records.map((r) => ({ ...r, partition })),
    );
  }

  watermarks(topic: string, partition: number): { low: bigint; high: bigint } {
    const log = this.log(topic, partition);
    return { low: log.low, high: log.high };
  }

  committed(groupId: string, topic: string, partition: number): string | undefined {
    return this.groups.get(groupId)?.committed.get(tp(topic, partition))?.toString();
  }

  /** Sets a group's committed offset directly, as `kafka-consumer-groups --reset-offsets` would. */
  setCommitted(groupId: string, topic: string, partition: number, offset: bigint | string): void {
    this.group(groupId).committed.set(tp(topic, partition), BigInt(offset));
  }

  /** Whether consumers of this group fetch by themselves after `run()`. */
  autoPolls(groupId: string): boolean {
    return this.autoPollFor(groupId);
  }

  /** kafkajs admin refuses to set the offsets of a group that has members (a running consumer). */
  assertNoActiveMembers(groupId: string): void {
    this.expireSessions(groupId);
    if ((this.groups.get(groupId)?.members.size ?? 0) > 0) {
      throw new Error(
        `The consumer group must have no running instances, current state: Stable (${groupId})`,
      );
    }
  }

  generation(groupId: string): number {
    return this.groups.get(groupId)?.generation ?? 0;
  }

  consumer(config: ScriptedConsumerConfig): ScriptedConsumer {
    return new ScriptedConsumer(this, config);
  }

  producer(): ScriptedProducer {
    return new ScriptedProducer(this);
  }

  admin(): ScriptedAdmin {
    return new ScriptedAdmin(this);
  }

  // ---- coordinator (used by ScriptedConsumer) ----

  private group(groupId: string): Group {
    let g = this.groups.get(groupId);
    if (!g) {
      g = { generation: 0, members: new Map(), assignment: new Map(), committed: new Map() };
      this.groups.set(groupId, g);
    }
    return g;
  }

  private rebalance(g: Group): void {
    g.generation++;
    g.assignment = new Map();
    const members = [...g.members.values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const m of members) g.assignment.set(m.id, {});
    const topics = new Set(members.flatMap((m) => m.topics));
    for (const topic of [...topics].sort()) {
      const subscribers = members.filter((m) => m.topics.includes(topic));
      const count = this.partitionCount(topic);
      for (let p = 0; p < count; p++) {
        const owner = subscribers[Math.floor((p * subscribers.length) / count)];
        if (!owner) continue;
        const mine = g.assignment.get(owner.id)!;
        mine[topic] = [...(mine[topic] ?? []), p];
      }
    }
  }

  /** Evicts members whose session expired on the fake clock. */
  expireSessions(groupId?: string): void {
    for (const [id, g] of this.groups) {
      if (groupId !== undefined && id !== groupId) continue;
      let changed = false;
      for (const m of [...g.members.values()]) {
        if (m.lastSeen + m.sessionTimeout < this.clock.now()) {
          g.members.delete(m.id);
          changed = true;
        }
      }
      if (changed) this.rebalance(g);
    }
  }

  /** Joins (or re-syncs) a member; returns its id, generation and assignment. */
  joinGroup(
    groupId: string,
    consumer: ScriptedConsumer,
    memberId: string | undefined,
    topics: string[],
    sessionTimeout: number,
  ): { memberId: string; generation: number; assignment: { [topic: string]: number[] } } {
    this.expireSessions(groupId);
    const g = this.group(groupId);
    let m = memberId === undefined ? undefined : g.members.get(memberId);
    if (!m) {
      m = {
        id: `${groupId}-member-${++this.memberCounter}`,
        consumer,
        topics,
        generation: 0,
        lastSeen: this.clock.now(),
        sessionTimeout,
      };
      g.members.set(m.id, m);
      this.rebalance(g);
    }
    m.generation = g.generation;
    m.lastSeen = this.clock.now();
    return { memberId: m.id, generation: g.generation, assignment: g.assignment.get(m.id) ?? {} };
  }

  leaveGroup(groupId: string, memberId: string | undefined): void {
    const g = this.groups.get(groupId);
    if (!g || memberId === undefined || !g.members.delete(memberId)) return;
    this.rebalance(g);
  }

  /** Removes a member at once, as a session timeout would. */
  evict(groupId: string, memberId: string | undefined): void {
    this.leaveGroup(groupId, memberId);
  }

  /** Throws what a heartbeat returns for a member that must rejoin. */
  checkMember(groupId: string, memberId: string | undefined, touch: boolean): void {
    this.expireSessions(groupId);
    const g = this.group(groupId);
    const m = memberId === undefined ? undefined : g.members.get(memberId);
    if (!m) throw new ScriptedKafkaError('UNKNOWN_MEMBER_ID');
    if (m.generation !== g.generation) throw new ScriptedKafkaError('REBALANCE_IN_PROGRESS');
    if (touch) m.lastSeen = this.clock.now();
  }

  commitOffsets(
    groupId: string,
    memberId: string | undefined,
    generation: number,
    offsets: { topic: string; partition: number; offset: string }[],
  ): void {
    const record = (accepted: boolean, error?: string) => {
      for (const o of offsets) {
        const entry: CommitRecord = { groupId, memberId: memberId ?? '', generation, ...o, accepted };
        if (error !== undefined) entry.error = error;
        this.commits.push(entry);
      }
    };
    this.expireSessions(groupId);
    const g = this.group(groupId);
    const fault = this.faults.takeCommit(groupId);
    const m = memberId === undefined ? undefined : g.members.get(memberId);
    let error: ScriptedKafkaError | undefined;
    if (!m) error = new ScriptedKafkaError('UNKNOWN_MEMBER_ID');
    else if (generation !== g.generation) error = new ScriptedKafkaError('ILLEGAL_GENERATION');
    if (error) {
      record(false, error.type);
      throw error;
    }
    if (fault && !fault.ambiguous) {
      record(false, fault.error.type);
      throw fault.error;
    }
    for (const o of offsets) g.committed.set(tp(o.topic, o.partition), BigInt(o.offset));
    m!.lastSeen = this.clock.now();
    record(true, fault?.error.type);
    if (fault) throw fault.error;
  }

  fetch(topic: string, partition: number, from: bigint, max: number): StoredRecord[] {
    const log = this.log(topic, partition);
    return log.records.filter((r) => r.offset >= from).slice(0, max);
  }

  produce(topic: string, acks: number | undefined, messages: (AppendInput & { partition?: number })[]) {
    const fault = this.faults.takeSend(topic);
    if (fault && !fault.ambiguous) {
      this.sends.push({ topic, acks, count: messages.length, ok: false, error: fault.error.type });
      throw fault.error;
    }
    let placed: { partition: number; offset: string }[];
    try {
      placed = messages.map((m) => this.appendKeyed(topic, m));
    } catch (error) {
      this.sends.push({ topic, acks, count: messages.length, ok: false, error: (error as Error).message });
      throw error;
    }
    this.sends.push({
      topic,
      acks,
      count: messages.length,
      ok: !fault,
      ...(fault ? { error: fault.error.type } : {}),
    });
    if (fault) throw fault.error;
    return placed;
  }
}
