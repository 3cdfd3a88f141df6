import { createHash } from 'node:crypto';
import { parsingCanonicalForm } from './canonical-form.js';
import type { Schema } from './model.js';

const EMPTY = 0xc15d213aa4d7a795n;
const MASK = 0xffffffffffffffffn;

const TABLE: bigint[] = Array.from({ length: 256 }, (_, i) => {
  let fp = BigInt(i);
  for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n) & MASK);
  return fp;
});

/** CRC-64-AVRO (Rabin) of bytes, as an unsigned 64-bit bigint. */
export function crc64Avro(bytes: Uint8Array): bigint {
  let fp = EMPTY;
  for (const b of bytes) fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(b)) & 0xffn)]!;
  return fp;
}

export interface Fingerprints {
  /** CRC-64-AVRO of the Parsing Canonical Form, as Java's `parsingFingerprint64` (signed long) would print it unsigned. */
  crc64: bigint;
  /** The same 64 bits as 16 hex digits, little-endian byte order as in Avro single-object encoding. */
  crc64Hex: string;
  md5: string;
  sha256: string;
}

/** The fingerprints Avro defines, over the schema's Parsing Canonical Form in UTF-8. */
export function fingerprints(schema: Schema): Fingerprints {
  const bytes = new TextEncoder().encode(parsingCanonicalForm(schema));
  const crc64 = crc64Avro(bytes);
  const le = Buffer.alloc(8);
  le.writeBigUInt64LE(crc64);
  return {
    crc64,
    crc64Hex: le.toString('hex'),
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
