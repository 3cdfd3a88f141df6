import { Buffer } from 'node:buffer';
import { uuidV7 } from './uuid-v7.js';

/**
 * The Kafka headers that identify an event: CloudEvents' binary-mode `ce_id` and `ce_source`, whose pair
 * is unique per event. Producers set the id once per event (retries keep it); the consumer kit
 * deduplicates on it.
 */
export const EVENT_ID_HEADER = 'ce_id';
export const EVENT_SOURCE_HEADER = 'ce_source';

/** Kafka header values as kafkajs and node-rdkafka give them. */
export type HeaderValue = string | Buffer | Uint8Array | (string | Buffer | Uint8Array)[] | undefined;
export type Headers = Record<string, HeaderValue>;

/** A new event id: a UUIDv7, so ids sort by creation time and index well in the consumer's ledger. */
export function newEventId(): string {
  return uuidV7();
}

/**
 * The headers with a `ce_id`: an id already present is kept, so re-sending the same message object after
 * a failed attempt does not turn one event into two.
 */
export function withEventId<H extends Headers>(
  headers?: H,
  id: string = newEventId(),
): H & { [EVENT_ID_HEADER]: HeaderValue } {
  const out = { ...(headers ?? {}) } as H & { [EVENT_ID_HEADER]: HeaderValue };
  if (eventIdOf(out) === undefined) (out as Headers)[EVENT_ID_HEADER] = id;
  return out;
}

function text(value: string | Buffer | Uint8Array): string {
  return typeof value === 'string'
    ? value
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
}

/** The event id in a message's headers (the first one if repeated), or undefined. */
export function eventIdOf(headers: Headers | undefined): string | undefined {
  const value = headers?.[EVENT_ID_HEADER];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  const id = text(first);
  return id === '' ? undefined : id;
}
