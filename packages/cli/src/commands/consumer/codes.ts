/** Stable diagnostic codes of the consumer-kit commands (the kit itself uses CON001-CON003, CON011). */
export const ConsumerCode = {
  /** No --brokers, no CHARTER_KAFKA_BROKERS and no --kafka-module. */
  NoKafka: 'CON010',
  /** Reading the dead-letter topic to its end timed out (raised by @charter/consumer). */
  ReadTimeout: 'CON011',
  /** The --kafka-module could not be loaded or exports no factory; or kafkajs is not installed. */
  KafkaModule: 'CON012',
  /** A republish failed; dead letters after it were not attempted. */
  ReplayFailed: 'CON013',
  /** The cluster could not be reached or refused a request. */
  KafkaError: 'CON014',
} as const;
