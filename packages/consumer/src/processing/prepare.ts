import { createHash } from 'node:crypto';
import type { DeadLetterCause } from '../dlt/dead-letter-message.js';
import { coordinatesIdentity, type EventIdentity, readEventIdentity } from '../event/event-identity.js';
import type { ConsumedMessage } from '../kafka/ports.js';
import type { BusinessKey } from '../store/gate-sql.js';
import { classifyDecodeError, isTransientDecodeError } from './decode-failure.js';
import type { ConsumerKitOptions } from './options.js';

export interface PreparedRecord<E> {
  kind: 'ready';
  message: ConsumedMessage;
  offset: bigint;
  identity: EventIdentity;
  event: E;
  payloadSha256: Buffer;
  keys: readonly BusinessKey[];
}

export interface RejectedRecord {
  kind: 'rejected';
  message: ConsumedMessage;
  offset: bigint;
  /** The ledger row's identity: the event id, or the coordinates when there is none. */
  identity: EventIdentity;
  payloadSha256: Buffer;
  cause: DeadLetterCause;
}

export type Prepared<E> = PreparedRecord<E> | RejectedRecord;

export function payloadHash(message: ConsumedMessage): Buffer {
  return createHash('sha256')
    .update(message.value ?? Buffer.alloc(0))
    .digest();
}

function uniqueKeys(keys: readonly BusinessKey[]): BusinessKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = `${k.type}\u0000${k.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Identity, decoding and business keys: everything about a record that needs no transaction. */
export async function prepareRecord<E>(
  options: ConsumerKitOptions<E>,
  topic: string,
  partition: number,
  message: ConsumedMessage,
): Promise<Prepared<E>> {
  const offset = BigInt(message.offset);
  const payloadSha256 = payloadHash(message);
  const found = readEventIdentity(message, options.identity);
  const identity =
    found ??
    (options.identity?.missingId === 'coordinates'
      ? coordinatesIdentity(topic, partition, message.offset)
      : undefined);
  if (!identity) {
    return {
      kind: 'rejected',
      message,
      offset,
      identity: coordinatesIdentity(topic, partition, message.offset),
      payloadSha256,
      cause: {
        reason: 'missing-event-id',
        attempts: 1,
        error: Object.assign(new Error('the record carries no ce_id header'), { name: 'MissingEventId' }),
      },
    };
  }
  let event: E;
  try {
    event = await options.decode(message, { topic, partition });
  } catch (error) {
    if (isTransientDecodeError(error)) throw error;
    const c = classifyDecodeError(error);
    const cause: DeadLetterCause = { reason: c.reason, attempts: 1, error };
    if (c.schemaId !== undefined) cause.schemaId = c.schemaId;
    if (c.keyError) cause.keyError = true;
    return { kind: 'rejected', message, offset, identity, payloadSha256, cause };
  }
  let keys: BusinessKey[];
  try {
    keys = uniqueKeys(options.businessKeys?.(event, message) ?? []);
  } catch (error) {
    return {
      kind: 'rejected',
      message,
      offset,
      identity,
      payloadSha256,
      cause: { reason: 'poison', attempts: 1, error },
    };
  }
  return { kind: 'ready', message, offset, identity, event, payloadSha256, keys };
}
