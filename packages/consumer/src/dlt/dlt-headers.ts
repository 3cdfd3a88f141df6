/** Spring for Apache Kafka's dead-letter header names (`KafkaHeaders.DLT_*`), so Java tools read our DLTs. */
export const SPRING_DLT = {
  originalTopic: 'kafka_dlt-original-topic',
  originalPartition: 'kafka_dlt-original-partition',
  originalOffset: 'kafka_dlt-original-offset',
  originalTimestamp: 'kafka_dlt-original-timestamp',
  originalTimestampType: 'kafka_dlt-original-timestamp-type',
  originalConsumerGroup: 'kafka_dlt-original-consumer-group',
  exceptionFqcn: 'kafka_dlt-exception-fqcn',
  exceptionCauseFqcn: 'kafka_dlt-exception-cause-fqcn',
  exceptionMessage: 'kafka_dlt-exception-message',
  exceptionStacktrace: 'kafka_dlt-exception-stacktrace',
  keyExceptionFqcn: 'kafka_dlt-key-exception-fqcn',
  keyExceptionMessage: 'kafka_dlt-key-exception-message',
  keyExceptionStacktrace: 'kafka_dlt-key-exception-stacktrace',
} as const;

/** Charter's extension, for what Spring has no word for. */
export const CHARTER_DLT = {
  reason: 'charter_dlt-reason',
  attempts: 'charter_dlt-attempts',
  failedAt: 'charter_dlt-failed-at',
  businessKey: 'charter_dlt-business-key',
  holderEventId: 'charter_dlt-holder-event-id',
  holderEventSource: 'charter_dlt-holder-event-source',
  conflictKind: 'charter_dlt-conflict-kind',
  schemaId: 'charter_dlt-schema-id',
  replayCount: 'charter_dlt-replay-count',
} as const;

export type DeadLetterReason =
  | 'business-key-conflict'
  | 'poison'
  | 'decode-failure'
  | 'unknown-schema'
  | 'missing-event-id';

export const DEAD_LETTER_REASONS: readonly DeadLetterReason[] = [
  'business-key-conflict',
  'poison',
  'decode-failure',
  'unknown-schema',
  'missing-event-id',
];

const ORIGINAL_HEADERS = new Set<string>([
  SPRING_DLT.originalTopic,
  SPRING_DLT.originalPartition,
  SPRING_DLT.originalOffset,
  SPRING_DLT.originalTimestamp,
  SPRING_DLT.originalTimestampType,
  SPRING_DLT.originalConsumerGroup,
]);

/** Headers describing one failure; replaced on every dead-lettering (Spring's `stripPreviousExceptionHeaders`). */
export function isFailureHeader(name: string): boolean {
  return (name.startsWith('kafka_dlt-') && !ORIGINAL_HEADERS.has(name)) || name.startsWith('charter_dlt-');
}

export function isOriginalHeader(name: string): boolean {
  return ORIGINAL_HEADERS.has(name);
}

/** Default dead-letter topic name, as Spring ≥ 3.3 (`<topic>-dlt`). */
export function defaultDeadLetterTopic(topic: string): string {
  return `${topic}-dlt`;
}
