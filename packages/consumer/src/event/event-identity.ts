import { EVENT_ID_HEADER, EVENT_SOURCE_HEADER } from '@charter/serde';
import { headerString } from '../kafka/headers.js';
import type { ConsumedMessage } from '../kafka/ports.js';

/** CloudEvents Kafka binary-mode headers (stamped by `@charter/serde`): the pair (source, id) is unique per event. */
export { EVENT_ID_HEADER, EVENT_SOURCE_HEADER };

/** The ledger's source for records identified by their coordinates (the opt-in `coordinates` policy). */
const COORDINATES_SOURCE = 'kafka-coordinates';

export interface EventIdentity {
  source: string;
  id: string;
}

export interface EventIdentityOptions {
  /** A header read when `ce_id` is absent, e.g. Debezium's outbox `id`. */
  fallbackIdHeader?: string;
  /**
   * What to do with a record that carries no id: `dead-letter` (default, reason `missing-event-id`) or
   * `coordinates`, which uses (topic, partition, offset) and so only catches redelivery.
   */
  missingId?: 'dead-letter' | 'coordinates';
}

/** Reads the event's identity from its headers; undefined when it has none. */
export function readEventIdentity(
  message: ConsumedMessage,
  options: EventIdentityOptions = {},
): EventIdentity | undefined {
  const source = () => headerString(message.headers, EVENT_SOURCE_HEADER) ?? '';
  const id = headerString(message.headers, EVENT_ID_HEADER);
  if (id) return { source: source(), id };
  if (options.fallbackIdHeader) {
    const fallback = headerString(message.headers, options.fallbackIdHeader);
    if (fallback) return { source: source(), id: fallback };
  }
  return undefined;
}

export function coordinatesIdentity(topic: string, partition: number, offset: string): EventIdentity {
  return { source: COORDINATES_SOURCE, id: `${topic}/${partition}/${offset}` };
}
