export { type ConsumerKit, createConsumerKit } from './consumer-kit.js';
export { buildDeadLetterMessage, type DeadLetterCause, replayCount } from './dlt/dead-letter-message.js';
export {
  CHARTER_DLT,
  DEAD_LETTER_REASONS,
  type DeadLetterReason,
  defaultDeadLetterTopic,
  SPRING_DLT,
} from './dlt/dlt-headers.js';
export { type ReadTopicResult, readTopicToEnd, type TopicRecord } from './dlt/read-topic.js';
export {
  type ReplayAction,
  type ReplayEntry,
  type ReplayOptions,
  type ReplayReport,
  replayDeadLetters,
  replayGroupId,
} from './dlt/replay.js';
export {
  EVENT_ID_HEADER,
  EVENT_SOURCE_HEADER,
  type EventIdentity,
  type EventIdentityOptions,
  readEventIdentity,
} from './event/event-identity.js';
export { headerInteger, headerString, int32Header, int64Header, lastHeader } from './kafka/headers.js';
export { isRebalanceError } from './kafka/kafka-errors.js';
export type {
  AdminPort,
  BatchPort,
  ConsumedMessage,
  ConsumerPort,
  EachBatchPayloadPort,
  GroupJoinEventPort,
  KafkaPort,
  MessageHeaders,
  OutgoingMessage,
  ProducerPort,
  ProducerRecordPort,
  RecordMetadataPort,
} from './kafka/ports.js';
export type { Clock } from './processing/clock.js';
export { classifyDecodeError, DecodeFailure, isTransientDecodeError } from './processing/decode-failure.js';
export type {
  ConsumerKitOptions,
  DeadLetterOptions,
  DecodeContext,
  HandlerContext,
  KitEvent,
  RetryOptions,
} from './processing/options.js';
export {
  type ReliableProducer,
  type ReliableSendOptions,
  reliableProducer,
  reliableProducerConfig,
} from './producer/reliable-producer.js';
export { contractDecoder } from './serde-decoder.js';
export type { BusinessKey } from './store/gate-sql.js';
export { readNextOffset, setNextOffset } from './store/gate-sql.js';
export { type LedgerRow, purgeProcessedEvents, readLedger } from './store/ledger.js';
export { acquireLockFile, type LockHandle } from './store/lock-file.js';
export { openPgliteStore, type PgliteStoreOptions, pgliteLockPath } from './store/pglite-store.js';
export { openPostgresStore, type PostgresStoreOptions } from './store/postgres-store.js';
export { migrateStore, STORE_SCHEMA_VERSION } from './store/schema.js';
export type { ConsumerStore, SqlClient, SqlResult } from './store/store.js';
export { FakeClock } from './testing/fake-clock.js';
export { ScriptedAdmin } from './testing/scripted-admin.js';
export {
  type PollResult,
  ScriptedConsumer,
  type ScriptedConsumerConfig,
} from './testing/scripted-consumer.js';
export {
  ScriptedConnectionError,
  type ScriptedErrorType,
  ScriptedKafkaError,
} from './testing/scripted-errors.js';
export { type FaultRule, ScriptedFaults } from './testing/scripted-faults.js';
export {
  type AppendInput,
  type CommitRecord,
  ScriptedKafka,
  type ScriptedKafkaOptions,
  type SendRecord,
  type StoredRecord,
} from './testing/scripted-kafka.js';
export { ScriptedProducer } from './testing/scripted-producer.js';
