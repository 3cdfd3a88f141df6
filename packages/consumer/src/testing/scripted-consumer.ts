import { EventEmitter } from 'node:events';
import { isRebalanceError } from '../kafka/kafka-errors.js';
import type {
  ConsumedMessage,
  EachBatchPayloadPort,
  GroupJoinEventPort,
  OffsetsPort,
  RunConfigPort,
} from '../kafka/ports.js';
import { ScriptedConnectionError } from './scripted-errors.js';
import type { ScriptedKafka } from './scripted-kafka.js';

export interface ScriptedConsumerConfig {
  groupId: string;
  /** Default 30 s (kafkajs). */
  sessionTimeout?: number;
  /** kafkajs throttles `heartbeat()` to one call per interval; default 3 s. */
  heartbeatInterval?: number;
  /** Records per batch; default 100. */
  maxBatchSize?: number;
  allowAutoTopicCreation?: boolean;
}

export interface PollResult {
  topic: string;
  partition: number;
  delivered: number;
  error?: unknown;
}

const tp = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** kafkajs retries a failing fetch loop five times, then crashes the consumer (and restarts it). */
const RETRIES_BEFORE_CRASH = 5;

/**
 * A kafkajs 2.2.4 consumer, scripted: `run()` joins the group, and each `poll()` is one turn of kafkajs'
 * fetch loop (one batch of one partition through `eachBatch`, then kafkajs' error handling). It reproduces
 * the semantics the kit depends on: `resolveOffset` moves the fetch position, a new generation drops
 * resolved-but-uncommitted offsets, `commitOffsetsIfNecessary()` without offsets never commits with
 * auto-commit off, `commitOffsets` is a no-op once stopped, `isStale()` is true only after `seek()`,
 * heartbeats are throttled and report rebalances by throwing.
 */
export class ScriptedConsumer {
  readonly groupId: string;
  memberId: string | undefined;
  generationId = 0;
  private readonly kafka: ScriptedKafka;
  private readonly config: ScriptedConsumerConfig;
  private readonly events = new EventEmitter();
  private topics: string[] = [];
  private fromBeginning = false;
  private runConfig: RunConfigPort | undefined;
  private assigned: { [topic: string]: number[] } = {};
  private resolved = new Map<string, bigint>();
  private seeks = new Map<string, bigint>();
  private paused = new Set<string>();
  private running = false;
  private dead = false;
  private inFlight: Promise<PollResult | undefined> | undefined;
  private lastHeartbeat = Number.NEGATIVE_INFINITY;
  private cursor = 0;
  private failures = 0;
  readonly errors: unknown[] = [];

  constructor(kafka: ScriptedKafka, config: ScriptedConsumerConfig) {
    this.kafka = kafka;
    this.config = config;
    this.groupId = config.groupId;
  }

  async connect(): Promise<void> {}

  async subscribe(subscription: { topics: (string | RegExp)[]; fromBeginning?: boolean }): Promise<void> {
    for (const t of subscription.topics) {
      if (typeof t !== 'string') throw new Error('the scripted consumer takes topic names, not patterns');
      if (!this.topics.includes(t)) this.topics.push(t);
    }
    this.fromBeginning = subscription.fromBeginning ?? false;
  }

  async run(config: RunConfigPort = {}): Promise<void> {
    this.runConfig = config;
    this.running = true;
    this.join();
    if (this.kafka.autoPolls(this.groupId)) void this.pollLoop();
  }

  private async pollLoop(): Promise<void> {
    while (this.running && !this.dead) {
      const result = this.inFlight ? undefined : await this.poll().catch(() => undefined);
      if (!result) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Whether a batch is running inside `poll()` now. */
  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  get isRunning(): boolean {
    return this.running;
  }

  assignment(): { [topic: string]: number[] } {
    return structuredClone(this.assigned);
  }

  private join(): void {
    const joined = this.kafka.joinGroup(
      this.groupId,
      this,
      this.memberId,
      this.topics,
      this.config.sessionTimeout ?? 30_000,
    );
    this.memberId = joined.memberId;
    this.generationId = joined.generation;
    this.assigned = joined.assignment;
    // kafkajs builds a new OffsetManager on every join: resolved-but-uncommitted offsets are lost.
    this.resolved = new Map();
    this.seeks = new Map();
    this.lastHeartbeat = this.kafka.clock.now();
    const event: GroupJoinEventPort & { type: string; payload: Record<string, unknown> } = {
      type: 'consumer.group_join',
      payload: {
        groupId: this.groupId,
        memberId: joined.memberId,
        leaderId: joined.memberId,
        isLeader: false,
        groupProtocol: 'RoundRobinAssigner',
        duration: 0,
        memberAssignment: structuredClone(joined.assignment),
      },
    };
    this.events.emit('consumer.group_join', event);
  }

  private rejoin(): void {
    this.events.emit('consumer.rebalancing', {
      type: 'consumer.rebalancing',
      payload: { groupId: this.groupId, memberId: this.memberId },
    });
    this.join();
  }

  on(eventName: string, listener: (event: never) => void): () => void {
    const l = listener as (event: unknown) => void;
    this.events.on(eventName, l);
    return () => this.events.off(eventName, l);
  }

  private position(topic: string, partition: number): bigint {
    const key = tp(topic, partition);
    const seek = this.seeks.get(key);
    if (seek !== undefined) return seek;
    const resolved = this.resolved.get(key);
    if (resolved !== undefined) return resolved + 1n;
    const committed = this.kafka.committed(this.groupId, topic, partition);
    const { low, high } = this.kafka.watermarks(topic, partition);
    const start = committed !== undefined ? BigInt(committed) : this.fromBeginning ? low : high;
    // auto.offset.reset when the position fell out of the retained range.
    if (start < low) return this.fromBeginning ? low : high;
    return start;
  }

  /**
   * One turn of the fetch loop. Returns what was delivered, or undefined when no assigned partition has
   * records past its position (or the consumer is not running).
   */
  poll(): Promise<PollResult | undefined> {
    if (this.inFlight) throw new Error('poll() while a batch is still running on this consumer');
    const run = this.pollOnce().finally(() => {
      this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  private async pollOnce(): Promise<PollResult | undefined> {
    if (!this.running || this.dead) return undefined;
    try {
      this.kafka.checkMember(this.groupId, this.memberId, true);
    } catch {
      this.rejoin();
    }
    const partitions = Object.entries(this.assigned).flatMap(([topic, ps]) => ps.map((p) => ({ topic, p })));
    for (let k = 0; k < partitions.length; k++) {
      const { topic, p } = partitions[(this.cursor + k) % partitions.length]!;
      if (this.paused.has(tp(topic, p))) continue;
      const from = this.position(topic, p);
      const records = this.kafka.fetch(topic, p, from, this.config.maxBatchSize ?? 100);
      if (records.length === 0) continue;
      this.cursor = (this.cursor + k + 1) % partitions.length;
      this.seeks.delete(tp(topic, p));
      return this.deliver(topic, p, records);
    }
    return undefined;
  }

  /** Delivers a batch of a partition this member may no longer own, as kafkajs did after a rejoin (#1046). */
  deliverStale(
    topic: string,
    partition: number,
    from: bigint | string = 0n,
  ): Promise<PollResult | undefined> {
    const records = this.kafka.fetch(topic, partition, BigInt(from), this.config.maxBatchSize ?? 100);
    const run = this.deliver(topic, partition, records).finally(() => {
      this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  private async deliver(
    topic: string,
    partition: number,
    records: ReturnType<ScriptedKafka['fetch']>,
  ): Promise<PollResult> {
    const key = tp(topic, partition);
    const messages: ConsumedMessage[] = records.map((r) => ({
      key: r.key === null ? null : Buffer.from(r.key),
      value: r.value === null ? null : Buffer.from(r.value),
      timestamp: r.timestamp,
      offset: r.offset.toString(),
      headers: Object.fromEntries(
        Object.entries(r.headers).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.map((b) => Buffer.from(b)) : Buffer.from(v),
        ]),
      ),
    }));
    const generation = this.generationId;
    const payload: EachBatchPayloadPort & {
      pause(): () => void;
      uncommittedOffsets(): OffsetsPort;
    } = {
      batch: {
        topic,
        partition,
        highWatermark: this.kafka.watermarks(topic, partition).high.toString(),
        messages,
      },
      resolveOffset: (offset) => {
        if (!this.dead && generation === this.generationId) this.resolved.set(key, BigInt(offset));
      },
      heartbeat: async () => {
        if (this.dead) throw new ScriptedConnectionError('the member process is gone');
        const now = this.kafka.clock.now();
        if (now - this.lastHeartbeat < (this.config.heartbeatInterval ?? 3_000)) return;
        this.kafka.checkMember(this.groupId, this.memberId, true);
        this.lastHeartbeat = now;
      },
      commitOffsetsIfNecessary: async (offsets) => {
        if (!offsets) {
          if (this.runConfig?.autoCommit === false) return;
          return this.commitResolved();
        }
        this.commit(
          offsets.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, ...p }))),
          generation,
        );
      },
      isRunning: () => this.running && !this.dead,
      isStale: () => this.seeks.has(key),
      pause: () => {
        this.paused.add(key);
        return () => this.paused.delete(key);
      },
      uncommittedOffsets: () => this.uncommitted(),
    };
    const result: PollResult = { topic, partition, delivered: messages.length };
    try {
      await this.runConfig?.eachBatch?.(payload);
      if (this.runConfig?.eachBatchAutoResolve !== false && messages.length > 0) {
        payload.resolveOffset(messages[messages.length - 1]!.offset);
      }
      if (this.runConfig?.autoCommit !== false) await this.commitResolved();
      this.failures = 0;
    } catch (error) {
      result.error = error;
      this.errors.push(error);
      if (this.dead) return result;
      if (this.runConfig?.autoCommit !== false) await this.commitResolved().catch(() => {});
      if (isRebalanceError(error)) {
        this.rejoin();
      } else if (++this.failures > RETRIES_BEFORE_CRASH) {
        this.failures = 0;
        this.events.emit('consumer.crash', {
          type: 'consumer.crash',
          payload: { error, groupId: this.groupId, restart: true },
        });
      }
    }
    return result;
  }

  private uncommitted(): OffsetsPort {
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const [key, offset] of this.resolved) {
      const [topic, p] = key.split('\u0000') as [string, string];
      const next = offset + 1n;
      if (this.kafka.committed(this.groupId, topic, Number(p)) === next.toString()) continue;
      if (!byTopic.has(topic)) byTopic.set(topic, []);
      byTopic.get(topic)!.push({ partition: Number(p), offset: next.toString() });
    }
    return { topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })) };
  }

  private async commitResolved(): Promise<void> {
    const offsets = this.uncommitted().topics.flatMap((t) =>
      t.partitions.map((p) => ({ topic: t.topic, ...p })),
    );
    if (offsets.length > 0) this.commit(offsets, this.generationId);
  }

  private commit(offsets: { topic: string; partition: number; offset: string }[], generation: number): void {
    if (this.dead) throw new ScriptedConnectionError('the member process is gone');
    this.kafka.commitOffsets(this.groupId, this.memberId, generation, offsets);
    this.events.emit('consumer.commit_offsets', {
      type: 'consumer.commit_offsets',
      payload: {
        groupId: this.groupId,
        memberId: this.memberId,
        groupGenerationId: generation,
        topics: offsets,
      },
    });
  }

  /** kafkajs: offsets are the next ones to read; a silent no-op once the consumer is stopped. */
  async commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void> {
    if (!this.running) return;
    this.commit(offsets, this.generationId);
  }

  seek(target: { topic: string; partition: number; offset: string }): void {
    this.seeks.set(tp(target.topic, target.partition), BigInt(target.offset));
  }

  pause(topics: { topic: string; partitions?: number[] }[]): void {
    for (const t of topics)
      for (const p of t.partitions ?? this.assigned[t.topic] ?? []) this.paused.add(tp(t.topic, p));
  }

  resume(topics: { topic: string; partitions?: number[] }[]): void {
    for (const t of topics)
      for (const p of t.partitions ?? this.assigned[t.topic] ?? []) this.paused.delete(tp(t.topic, p));
  }

  /** kafkajs: stop fetching, wait for the running batch, leave the group. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.inFlight?.catch(() => {});
    if (!this.dead) this.kafka.leaveGroup(this.groupId, this.memberId);
  }

  async disconnect(): Promise<void> {
    await this.stop();
  }

  /**
   * The member's process dies: every later call of its in-flight batch fails or does nothing, nothing
   * more is committed. With `evict` (default) the coordinator drops it at once, else at session expiry.
   */
  crash(options: { evict?: boolean } = {}): void {
    this.dead = true;
    this.running = false;
    if (options.evict ?? true) this.kafka.evict(this.groupId, this.memberId);
  }
}
