import { newEventId } from '@charter/serde';
import { EVENT_ID_HEADER, EVENT_SOURCE_HEADER } from '../event/event-identity.js';
import { lastHeader } from '../kafka/headers.js';
import type { OutgoingMessage, ProducerPort, RecordMetadataPort } from '../kafka/ports.js';

/**
 * kafkajs producer settings for events on a critical flow: idempotence on (which kafkajs pairs with
 * unlimited retries), one request in flight so a retry cannot reorder a partition.
 * Usage: `kafka.producer(reliableProducerConfig())`.
 */
export function reliableProducerConfig(): { idempotent: true; maxInFlightRequests: 1 } {
  return { idempotent: true, maxInFlightRequests: 1 };
}

export interface ReliableSendOptions {
  /** `ce_source` stamped on messages that have none, e.g. the service name. */
  source: string;
  /** Makes event ids; default UUIDv7, so ids sort by creation time and index well. */
  newId?: () => string;
}

export interface ReliableProducer {
  /**
   * Sends with `acks: -1` and awaits the ack. A message without a `ce_id` gets one; set the id yourself
   * (serde's `withEventId`) when you retry a send at application level.
   */
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<RecordMetadataPort[]>;
}

/** Wraps a producer (kafkajs or the double) so every send waits for all in-sync replicas. */
export function reliableProducer(producer: ProducerPort, options: ReliableSendOptions): ReliableProducer {
  const newId = options.newId ?? newEventId;
  return {
    send(topic, messages) {
      const stamped = messages.map((m) => {
        const headers = { ...(m.headers ?? {}) };
        const hasId = lastHeader(headers, EVENT_ID_HEADER);
        if (!hasId) headers[EVENT_ID_HEADER] = newId();
        if (!lastHeader(headers, EVENT_SOURCE_HEADER)) headers[EVENT_SOURCE_HEADER] = options.source;
        return { ...m, headers };
      });
      return producer.send({ topic, messages: stamped, acks: -1 });
    },
  };
}
