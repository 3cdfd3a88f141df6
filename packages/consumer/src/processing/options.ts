import type { DeadLetterReason } from '../dlt/dlt-headers.js';
import type { EventIdentity, EventIdentityOptions } from '../event/event-identity.js';
import type { ConsumedMessage, ProducerPort } from '../kafka/ports.js';
import type { BusinessKey } from '../store/gate-sql.js';
import type { ConsumerStore, SqlClient } from '../store/store.js';
import type { Clock } from './clock.js';

/** What the handler sees besides the decoded event. */
export interface HandlerContext {
  /** The open transaction: writes made through it commit atomically with the offset and the event id. */
  tx: SqlClient;
  topic: string;
  partition: number;
  message: ConsumedMessage;
  eventId: EventIdentity;
  /** 1 for the first delivery in this process, then 2, 3, ... on retries. */
  attempt: number;
}

export interface DecodeContext {
  topic: string;
  partition: number;
}

export interface RetryOptions {
  /** Deliveries of a failing record before it is dead-lettered as `poison`. Default 3. */
  attempts?: number;
  /** Sleeps between deliveries, the last repeating. Default 200 ms, 1 s, 5 s. */
  backoffMs?: readonly number[];
}

export interface DeadLetterOptions {
  /** Dead-letter topic for a source topic. Default `<topic>-dlt`. */
  topic?: (topic: string) => string;
  /** Send to the source partition (the DLT must have at least as many partitions). Default: key hash. */
  samePartition?: boolean;
  /** Sleeps between failed sends of one dead letter, the last repeating; a send is never skipped. */
  sendBackoffMs?: readonly number[];
}

export interface ConsumerKitOptions<E> {
  /** The consumer group: keys the store's rows and goes into `kafka_dlt-original-consumer-group`. */
  groupId: string;
  store: ConsumerStore;
  /** Produces dead letters; use `reliableProducerConfig()` (acks -1, idempotent). */
  producer: ProducerPort;
  /** Turns a record into the event (e.g. a generated contract's `decode`). Runs outside the transaction. */
  decode: (message: ConsumedMessage, context: DecodeContext) => E | Promise<E>;
  /** Applies the event; throw to retry. Its writes through `context.tx` commit with the gate. */
  handle: (event: E, context: HandlerContext) => Promise<void>;
  /** The event's business keys: a second event id claiming one of them is dead-lettered. */
  businessKeys?: (event: E, message: ConsumedMessage) => readonly BusinessKey[] | undefined;
  /**
   * Unique constraints of the handler's own tables that enforce a business key, by constraint name:
   * a 23505 on one of them is a business-key conflict, not a handler failure.
   */
  businessKeyConstraints?: Readonly<Record<string, string>>;
  identity?: EventIdentityOptions;
  retry?: RetryOptions;
  deadLetter?: DeadLetterOptions;
  /**
   * Up to this many consecutive records of a batch share one transaction (one offset compare-and-set,
   * one id insert, one claim insert, then the handlers). A chunk that meets a duplicate dead letter, a
   * key conflict or a handler error is rolled back and replayed record by record. 1 disables. Default 100.
   */
  chunkSize?: number;
  /** Commit to Kafka after this many durable records inside a batch, besides at its end. Default 500. */
  commitEvery?: number;
  clock?: Clock;
  /** Receives every outcome, for logs and metrics. Must not throw. */
  observer?: (event: KitEvent) => void;
}

interface At {
  topic: string;
  partition: number;
  offset: string;
}

/** Everything the kit does, reported to the observer. */
export type KitEvent =
  | (At & { type: 'applied'; eventId: EventIdentity; replayed: boolean })
  | (At & { type: 'duplicate'; eventId: EventIdentity })
  | (At & { type: 'already-durable' })
  | (At & { type: 'fenced' })
  | (At & { type: 'retry'; attempt: number; delayMs: number; error: unknown })
  | (At & { type: 'dead-lettered'; reason: DeadLetterReason; dltTopic: string; eventId: EventIdentity })
  | (At & { type: 'dead-letter-send-failed'; attempt: number; delayMs: number; error: unknown })
  | { type: 'gap'; topic: string; partition: number; from: string; to: string }
  | { type: 'committed'; topic: string; partition: number; offset: string }
  | { type: 'commit-failed'; topic: string; partition: number; offset: string; error: unknown }
  | { type: 'stale-batch'; topic: string; partition: number };
