import { copyHeaders, headerInteger, int32Header, int64Header } from '../kafka/headers.js';
import type { ConsumedMessage, MessageHeaders, OutgoingMessage } from '../kafka/ports.js';
import {
  CHARTER_DLT,
  type DeadLetterReason,
  isFailureHeader,
  isOriginalHeader,
  SPRING_DLT,
} from './dlt-headers.js';

const STACK_LIMIT = 8 * 1024;

export interface DeadLetterCause {
  reason: DeadLetterReason;
  error: unknown;
  attempts: number;
  /** Set for `business-key-conflict`. */
  conflict?: {
    key: { type: string; value: string };
    holder?: { source: string; id: string };
    kind?: 'same-payload' | 'different-payload';
  };
  /** Set for decode failures when the wire format named a schema id. */
  schemaId?: number;
  /** Set when the record key, not the value, failed to decode. */
  keyError?: boolean;
}

export interface DeadLetterSource {
  topic: string;
  partition: number;
  group: string;
  message: ConsumedMessage;
}

function errorParts(error: unknown): { fqcn: string; message: string; stack: string; cause?: string } {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause.name : undefined;
    const parts = {
      fqcn: error.name.includes('.') ? error.name : `charter.${error.name}`,
      message: error.message,
      stack: error.stack ?? `${error.name}: ${error.message}`,
    };
    return cause === undefined
      ? parts
      : { ...parts, cause: cause.includes('.') ? cause : `charter.${cause}` };
  }
  const text = String(error);
  return { fqcn: 'charter.Error', message: text, stack: text };
}

function cut(text: string, bytes: number): Buffer {
  const b = Buffer.from(text, 'utf8');
  return b.length <= bytes ? b : b.subarray(0, bytes);
}

/**
 * Builds the dead-letter record: the original key and value bytes unchanged, all original headers,
 * Spring's `kafka_dlt-*` headers and Charter's `charter_dlt-*` ones. A record that is already a replayed
 * dead letter keeps its first `kafka_dlt-original-*` values (they still point at the source) and gets its
 * failure headers replaced.
 */
export function buildDeadLetterMessage(
  source: DeadLetterSource,
  cause: DeadLetterCause,
  now: Date,
  partition?: number,
): OutgoingMessage {
  const original = copyHeaders(source.message.headers);
  const headers: MessageHeaders = {};
  for (const [name, value] of Object.entries(original)) {
    if (!isFailureHeader(name)) headers[name] = value;
  }
  const alreadyDeadLettered = Object.keys(original).some(isOriginalHeader);
  if (!alreadyDeadLettered) {
    headers[SPRING_DLT.originalTopic] = Buffer.from(source.topic);
    headers[SPRING_DLT.originalPartition] = int32Header(source.partition);
    headers[SPRING_DLT.originalOffset] = int64Header(BigInt(source.message.offset));
    headers[SPRING_DLT.originalTimestamp] = int64Header(BigInt(source.message.timestamp));
    headers[SPRING_DLT.originalTimestampType] = Buffer.from('CREATE_TIME');
    headers[SPRING_DLT.originalConsumerGroup] = Buffer.from(source.group);
  }
  const e = errorParts(cause.error);
  if (cause.keyError) {
    headers[SPRING_DLT.keyExceptionFqcn] = Buffer.from(e.fqcn);
    headers[SPRING_DLT.keyExceptionMessage] = Buffer.from(e.message);
    headers[SPRING_DLT.keyExceptionStacktrace] = cut(e.stack, STACK_LIMIT);
  } else {
    headers[SPRING_DLT.exceptionFqcn] = Buffer.from(e.fqcn);
    if (e.cause) headers[SPRING_DLT.exceptionCauseFqcn] = Buffer.from(e.cause);
    headers[SPRING_DLT.exceptionMessage] = Buffer.from(e.message);
    headers[SPRING_DLT.exceptionStacktrace] = cut(e.stack, STACK_LIMIT);
  }
  headers[CHARTER_DLT.reason] = Buffer.from(cause.reason);
  headers[CHARTER_DLT.attempts] = Buffer.from(String(cause.attempts));
  headers[CHARTER_DLT.failedAt] = Buffer.from(now.toISOString());
  if (cause.conflict) {
    headers[CHARTER_DLT.businessKey] = Buffer.from(`${cause.conflict.key.type}=${cause.conflict.key.value}`);
    if (cause.conflict.holder) {
      headers[CHARTER_DLT.holderEventId] = Buffer.from(cause.conflict.holder.id);
      headers[CHARTER_DLT.holderEventSource] = Buffer.from(cause.conflict.holder.source);
    }
    if (cause.conflict.kind) headers[CHARTER_DLT.conflictKind] = Buffer.from(cause.conflict.kind);
  }
  if (cause.schemaId !== undefined) headers[CHARTER_DLT.schemaId] = Buffer.from(String(cause.schemaId));
  headers[CHARTER_DLT.replayCount] = Buffer.from(String(replayCount(source.message.headers)));
  const message: OutgoingMessage = {
    key: source.message.key,
    value: source.message.value,
    headers,
  };
  if (partition !== undefined) message.partition = partition;
  return message;
}

/** How many times this record has been replayed from a dead-letter topic (0 for a first delivery). */
export function replayCount(headers: MessageHeaders | undefined): number {
  const n = headerInteger(headers, CHARTER_DLT.replayCount);
  return n === undefined ? 0 : Number(n);
}
