import { Buffer } from 'node:buffer';
import { WireFormatError } from './errors.js';

/** The first byte of every Confluent-framed message (schema id follows). */
export const MAGIC_BYTE = 0;
/** Magic byte + 4-byte schema id. */
export const HEADER_SIZE = 5;

/** The 5-byte Confluent header followed by an Avro payload, in one new buffer. */
export function frame(schemaId: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_SIZE + payload.length);
  out[0] = MAGIC_BYTE;
  out.writeInt32BE(schemaId, 1);
  out.set(payload, HEADER_SIZE);
  return out;
}

/** The schema id of a Confluent-framed message; the payload starts at `HEADER_SIZE`. */
export function readSchemaId(message: Uint8Array): number {
  if (message.length < HEADER_SIZE) {
    throw new WireFormatError(`message of ${message.length} bytes is shorter than the 5-byte header`);
  }
  if (message[0] !== MAGIC_BYTE) {
    throw new WireFormatError(`unknown magic byte ${message[0]}: not in the Confluent wire format`);
  }
  return (message[1]! << 24) | (message[2]! << 16) | (message[3]! << 8) | message[4]! | 0;
}

/** The Avro payload of a framed message (a view, not a copy). */
export function payloadOf(message: Uint8Array): Uint8Array {
  readSchemaId(message);
  return message.subarray(HEADER_SIZE);
}
