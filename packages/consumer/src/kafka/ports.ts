/**
 * The small, kafkajs-shaped surface the kit uses. kafkajs 2.2.4's `Kafka`, `Consumer` and `Producer`
 * satisfy these structurally (checked by a type test), and so does the scripted double in `testing/`.
 * The kit never imports a Kafka client package.
 */

/** Header values as kafkajs decodes them: a key that repeats comes back as an array. */
export type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type MessageHeaders = { [key: string]: HeaderValue };

/** A consumed record. Offsets and timestamps are int64 decimal strings. */
export interface ConsumedMessage {
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  offset: string;
  headers?: MessageHeaders;
}

export interface BatchPort {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: ConsumedMessage[];
}

export interface TopicPartitionOffset {
  partition: number;
  offset: string;
}

export interface OffsetsPort {
  topics: { topic: string; partitions: TopicPartitionOffset[] }[];
}

export interface EachBatchPayloadPort {
  batch: BatchPort;
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  /** With explicit offsets, commits exactly those (next-offset semantics); errors propagate. */
  commitOffsetsIfNecessary(offsets?: OffsetsPort): Promise<void>;
  isRunning(): boolean;
  isStale(): boolean;
}

export interface RunConfigPort {
  autoCommit?: boolean;
  eachBatchAutoResolve?: boolean;
  partitionsConsumedConcurrently?: number;
  eachBatch?: (payload: EachBatchPayloadPort) => Promise<void>;
}

/** The instrumentation event carrying the assignment after a join (kafkajs `consumer.group_join`). */
export interface GroupJoinEventPort {
  payload: { memberAssignment: { [topic: string]: number[] } };
}

export interface ConsumerPort {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  subscribe(subscription: { topics: (string | RegExp)[]; fromBeginning?: boolean }): Promise<void>;
  run(config?: RunConfigPort): Promise<void>;
  stop(): Promise<void>;
  on(eventName: 'consumer.group_join', listener: (event: GroupJoinEventPort) => void): unknown;
  on(eventName: 'consumer.rebalancing', listener: (event: unknown) => void): unknown;
}

/** A record to produce, as kafkajs' `Message`. */
export interface OutgoingMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  partition?: number;
  headers?: MessageHeaders;
  timestamp?: string;
}

export interface RecordMetadataPort {
  topicName: string;
  partition: number;
  errorCode: number;
  baseOffset?: string;
  offset?: string;
}

export interface ProducerRecordPort {
  topic: string;
  messages: OutgoingMessage[];
  acks?: number;
  timeout?: number;
}

export interface ProducerPort {
  send(record: ProducerRecordPort): Promise<RecordMetadataPort[]>;
}

export interface ConnectablePort {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface AdminPort extends ConnectablePort {
  /** Per partition: `high` is the offset the next record will get; `low` the first retained one. */
  fetchTopicOffsets(
    topic: string,
  ): Promise<{ partition: number; offset: string; high: string; low: string }[]>;
  /** Committed offsets of a group; `-1` where it has none. */
  fetchOffsets(options: {
    groupId: string;
    topics: string[];
  }): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
  /** Sets a group's committed offsets; the group must have no active member. */
  setOffsets(options: {
    groupId: string;
    topic: string;
    partitions: { partition: number; offset: string }[];
  }): Promise<void>;
}

export interface ProducerConfigPort {
  idempotent?: boolean;
  maxInFlightRequests?: number;
  allowAutoTopicCreation?: boolean;
}

/** A kafkajs `Kafka` instance, structurally: what `charter dlt replay` needs to reach a cluster. */
export interface KafkaPort {
  consumer(config: { groupId: string; allowAutoTopicCreation?: boolean }): ConsumerPort;
  producer(config?: ProducerConfigPort): ProducerPort & ConnectablePort;
  admin(): AdminPort;
}
