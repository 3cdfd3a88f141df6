/** Protocol errors as kafkajs raises them: `name`, protocol `type`, `retriable`. */
export type ScriptedErrorType =
  | 'REBALANCE_IN_PROGRESS'
  | 'ILLEGAL_GENERATION'
  | 'UNKNOWN_MEMBER_ID'
  | 'NOT_COORDINATOR_FOR_GROUP'
  | 'REQUEST_TIMED_OUT'
  | 'NOT_ENOUGH_REPLICAS'
  | 'UNKNOWN_TOPIC_OR_PARTITION'
  | 'NETWORK_EXCEPTION';

const NON_RETRIABLE = new Set<ScriptedErrorType>(['ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);

export class ScriptedKafkaError extends Error {
  override name = 'KafkaJSProtocolError';
  readonly type: ScriptedErrorType;
  readonly retriable: boolean;

  constructor(type: ScriptedErrorType, message?: string) {
    super(message ?? `scripted ${type}`);
    this.type = type;
    this.retriable = !NON_RETRIABLE.has(type);
  }
}

/** What a dead member's calls fail with: the process is gone. */
export class ScriptedConnectionError extends Error {
  override name = 'KafkaJSConnectionError';
  readonly retriable = true;
}
