import {
  DecodeError,
  type EventContract,
  LongRangeError,
  ResolutionError,
  readSchemaId,
  type Serde,
  WireFormatError,
} from '@charter/serde';
import type { ConsumedMessage } from './kafka/ports.js';
import { DecodeFailure } from './processing/decode-failure.js';

function isNotFound(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return status === 404;
}

/**
 * The kit's `decode` for a generated contract package: the Confluent wire format through `@charter/serde`,
 * resolving the writer's schema into the contract's. Bytes that cannot be decoded become `decode-failure`
 * and an id the registry does not know becomes `unknown-schema` (both dead-lettered with the schema id);
 * a registry that does not answer is not the record's fault and is thrown as is, so the batch is retried.
 */
export function contractDecoder<T>(
  serde: Serde,
  contract: EventContract<T, unknown>,
): (message: ConsumedMessage) => Promise<T> {
  return async (message) => {
    const value = message.value;
    if (value === null)
      throw new DecodeFailure(`a record without a value (tombstone) is not a ${contract.name}`);
    let schemaId: number;
    try {
      schemaId = readSchemaId(value);
    } catch (error) {
      throw new DecodeFailure((error as Error).message, { cause: error });
    }
    try {
      return await serde.deserialize(contract, value);
    } catch (error) {
      if (isNotFound(error)) {
        throw new DecodeFailure(`schema id ${schemaId} is not in the registry`, {
          reason: 'unknown-schema',
          schemaId,
          cause: error,
        });
      }
      if (
        error instanceof DecodeError ||
        error instanceof ResolutionError ||
        error instanceof WireFormatError ||
        error instanceof LongRangeError ||
        error instanceof SyntaxError
      ) {
        throw new DecodeFailure(`cannot decode ${contract.name} (schema id ${schemaId}): ${error.message}`, {
          schemaId,
          cause: error,
        });
      }
      throw error;
    }
  };
}
