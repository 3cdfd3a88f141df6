import { randomUUID } from 'node:crypto';
import {
  type ConsumedMessage,
  type ConsumerKit,
  type ConsumerKitOptions,
  type ConsumerStore,
  createConsumerKit,
  DecodeFailure,
  type HandlerContext,
  type KitEvent,
  type MessageHeaders,
  readLedger,
  readNextOffset,
  type ScriptedConsumer,
  ScriptedKafka,
  type ScriptedKafkaOptions,
} from '../../src/index.js';
import type { Backend, StoreLocation } from './backends.js';
import { crashable } from './crashable-store.js';

export const TOPIC = 'orders';
export const DLT = 'orders-dlt';
export const GROUP = 'billing';

export interface OrderPlaced {
  orderId: string;
  amount: number;
}

export interface Hooks {
  onDecode?: ((message: ConsumedMessage, member: Member) => void | Promise<void>) | undefined;
  onHandle?: ((event: OrderPlaced, ctx: HandlerContext, member: Member) => void | Promise<void>) | undefined;
  onEvent?: ((event: KitEvent, member: Member) => void) | undefined;
}

export interface Member {
  name: string;
  consumer: ScriptedConsumer;
  kit: ConsumerKit;
  store: ConsumerStore;
  events: KitEvent[];
  /** The process dies: Kafka calls fail, the store refuses statements, an open transaction rolls back. */
  crash(): void;
  /** Runs the kit on the consumer: joins the group (done by `start` unless told otherwise). */
  join(): Promise<void>;
  /** Transactions the kit has started on this member's store. */
  transactions(): number;
}

export interface WorldOptions {
  partitions?: number;
  chunkSize?: number;
  maxBatchSize?: number;
  heartbeatInterval?: number;
  sessionTimeout?: number;
  kafka?: ScriptedKafkaOptions;
  kit?: Partial<ConsumerKitOptions<OrderPlaced>>;
}

const EFFECT_TABLE = `create table if not exists effect (
  seq bigserial primary key,
  event_id text not null,
  order_id text not null,
  amount int not null,
  partition int not null,
  "offset" bigint not null)`;

export function decodeOrder(message: ConsumedMessage): OrderPlaced {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    throw new DecodeFailure('the value is not JSON', { cause: error });
  }
  const o = parsed as Partial<OrderPlaced>;
  if (typeof o?.orderId !== 'string' || typeof o.amount !== 'number') {
    throw new DecodeFailure('the value is not an OrderPlaced');
  }
  return { orderId: o.orderId, amount: o.amount };
}

/**
 * One test's world: the scripted broker, a store location on the backend, and members (consumer + kit)
 * that can be started, crashed and restarted. The handler writes one `effect` row per application.
 */
export class World {
  readonly kafka: ScriptedKafka;
  readonly events: KitEvent[] = [];
  readonly hooks: Hooks = {};
  readonly members: Member[] = [];
  private shared: { store: ConsumerStore; refs: number } | undefined;

  private constructor(
    readonly backend: Backend,
    readonly location: StoreLocation,
    readonly options: WorldOptions,
  ) {
    this.kafka = new ScriptedKafka(options.kafka);
    this.kafka.createTopic(TOPIC, options.partitions ?? 1);
    this.kafka.createTopic(DLT, options.partitions ?? 1);
  }

  static async create(backend: Backend, options: WorldOptions = {}): Promise<World> {
    const location = await backend.create();
    const store = await location.open();
    try {
      await store.query(EFFECT_TABLE);
    } finally {
      await store.close();
    }
    return new World(backend, location, options);
  }

  produce(
    order: OrderPlaced | null,
    options: {
      id?: string | null;
      partition?: number;
      headers?: MessageHeaders;
      value?: Buffer | string;
    } = {},
  ): { offset: string; id: string | undefined } {
    const id = options.id === null ? undefined : (options.id ?? randomUUID());
    const headers: MessageHeaders = { ...(options.headers ?? {}) };
    if (id !== undefined) {
      headers['ce_id'] = id;
      headers['ce_source'] = 'shop';
    }
    const value = options.value ?? (order ? JSON.stringify(order) : null);
    const offset = this.kafka.append(TOPIC, options.partition ?? 0, {
      key: order?.orderId ?? null,
      value,
      headers,
    });
    return { offset, id };
  }

  /**
   * PGlite is single-process: the members of one test share one open store (one "process"); on
   * PostgreSQL each member has its own pool, as separate instances would.
   */
  private async openStore(): Promise<ConsumerStore> {
    if (this.backend.name === 'postgres') return this.location.open();
    if (!this.shared) this.shared = { store: await this.location.open(), refs: 0 };
    this.shared.refs++;
    const shared = this.shared;
    return {
      kind: shared.store.kind,
      query: shared.store.query,
      transaction: (fn) => shared.store.transaction(fn),
      close: async () => {
        if (--shared.refs === 0) {
          if (this.shared === shared) this.shared = undefined;
          await shared.store.close();
        }
      },
    };
  }

  async start(
    name = `m${this.members.length + 1}`,
    kit: Partial<ConsumerKitOptions<OrderPlaced>> = {},
    how: { join?: boolean } = {},
  ): Promise<Member> {
    const raw = await this.openStore();
    const box = crashable(raw);
    const events: KitEvent[] = [];
    const consumer = this.kafka.consumer({
      groupId: GROUP,
      maxBatchSize: this.options.maxBatchSize ?? 100,
      heartbeatInterval: this.options.heartbeatInterval ?? 0,
      sessionTimeout: this.options.sessionTimeout ?? 30_000,
    });
    const member = { name, consumer, store: box.store, events } as Member;
    member.transactions = () => box.transactions;
    member.crash = () => {
      consumer.crash();
      box.crash();
    };
    const options: ConsumerKitOptions<OrderPlaced> = {
      groupId: GROUP,
      store: box.store,
      producer: this.kafka.producer(),
      decode: async (message) => {
        await this.hooks.onDecode?.(message, member);
        return decodeOrder(message);
      },
      handle: async (event, ctx) => {
        await this.hooks.onHandle?.(event, ctx, member);
        await ctx.tx.query(
          `insert into effect (event_id, order_id, amount, partition, "offset") values ($1, $2, $3, $4, $5::bigint)`,
          [ctx.eventId.id, event.orderId, event.amount, ctx.partition, ctx.message.offset],
        );
      },
      businessKeys: (event) => [{ type: 'order-id', value: event.orderId }],
      clock: this.kafka.clock,
      chunkSize: this.options.chunkSize ?? 100,
      observer: (event) => {
        events.push(event);
        this.events.push(event);
        this.hooks.onEvent?.(event, member);
      },
      ...this.options.kit,
      ...kit,
    };
    member.kit = createConsumerKit(options);
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
    member.join = () => member.kit.run(consumer);
    if (how.join ?? true) await member.join();
    this.members.push(member);
    return member;
  }

  /** Stops a member and closes its store (after a crash: what the dead process left behind). */
  async close(member: Member): Promise<void> {
    await member.consumer.stop();
    await member.store.close();
    const i = this.members.indexOf(member);
    if (i >= 0) this.members.splice(i, 1);
  }

  /** Polls the members round robin until none has anything to deliver. */
  async drain(members: Member[] = this.members, limit = 1_000): Promise<void> {
    for (let turn = 0; turn < limit; turn++) {
      let delivered = false;
      for (const m of members) {
        if (!m.consumer.isRunning) continue;
        const r = await m.consumer.poll();
        if (r) delivered = true;
      }
      if (!delivered) return;
    }
    throw new Error(`drain did not finish within ${limit} turns`);
  }

  /** Runs `fn` on the store: a live member's, or one opened for the occasion. */
  async withStore<T>(fn: (store: ConsumerStore) => Promise<T>): Promise<T> {
    const live = this.members[0];
    if (live && this.backend.name === 'pglite') return fn(live.store);
    const store = await this.location.open();
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }

  effects(): Promise<
    { eventId: string; orderId: string; amount: number; partition: number; offset: string }[]
  > {
    return this.withStore(async (s) => {
      const r = await s.query<{
        event_id: string;
        order_id: string;
        amount: number;
        partition: number;
        o: string;
      }>(`select event_id, order_id, amount, partition, "offset"::text as o from effect order by seq`);
      return r.rows.map((x) => ({
        eventId: x.event_id,
        orderId: x.order_id,
        amount: x.amount,
        partition: x.partition,
        offset: x.o,
      }));
    });
  }

  nextOffset(partition = 0): Promise<string | undefined> {
    return this.withStore(async (s) =>
      (await readNextOffset(s, { group: GROUP, topic: TOPIC, partition }))?.toString(),
    );
  }

  ledger() {
    return this.withStore((s) => readLedger(s, GROUP));
  }

  committed(partition = 0): string | undefined {
    return this.kafka.committed(GROUP, TOPIC, partition);
  }

  /** Accepted commits of a partition, in order: Kafka's committed offset over time. */
  commitHistory(partition = 0): string[] {
    return this.kafka.commits
      .filter((c) => c.groupId === GROUP && c.topic === TOPIC && c.partition === partition && c.accepted)
      .map((c) => c.offset);
  }

  deadLetters() {
    return this.kafka.allRecords(DLT);
  }

  async dispose(): Promise<void> {
    for (const m of [...this.members]) await this.close(m);
  }
}

/** Asserts a sequence of decimal offsets never decreases. */
export function nonDecreasing(offsets: string[]): boolean {
  return offsets.every((o, i) => i === 0 || BigInt(o) >= BigInt(offsets[i - 1]!));
}

/** The error a poll ended with (kafkajs-style `type`, SQLSTATE `code`), or an empty object. */
export function errorOf(result: { error?: unknown } | undefined): { type?: string; code?: string } {
  return (result?.error ?? {}) as { type?: string; code?: string };
}
