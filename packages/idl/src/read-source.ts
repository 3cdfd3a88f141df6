import { readFileSync } from 'node:fs';

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean, offset: number): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  for (let i = offset; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}

/**
 * Decodes a file as Avro's `UtfTextUtils` does: a BOM selects UTF-8, UTF-16 or UTF-32; without one,
 * zero bytes among the first four suggest UTF-16/32 and their byte order; otherwise UTF-8.
 */
export function decodeUtfText(bytes: Uint8Array): string {
  const b = (i: number) => (i < bytes.length ? bytes[i]! : -1);
  const n = bytes.length;
  if (n >= 4 && b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff)
    return decodeUtf32(bytes, false, 4);
  if (n >= 4 && b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0)
    return decodeUtf32(bytes, true, 4);
  if (n >= 2 && b(0) === 0xfe && b(1) === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (n >= 2 && b(0) === 0xff && b(1) === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (n >= 3 && b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (n >= 4 && b(0) === 0 && b(1) === 0 && b(2) === 0 && b(3) !== 0) return decodeUtf32(bytes, false, 0);
  if (n >= 4 && b(0) !== 0 && b(1) === 0 && b(2) === 0 && b(3) === 0) return decodeUtf32(bytes, true, 0);
  if (n >= 2 && b(0) === 0 && b(1) !== 0) return new TextDecoder('utf-16be').decode(bytes);
  if (n >= 2 && b(0) !== 0 && b(1) === 0) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The default `readFile` of the compiler: the decoded text, or undefined when the file cannot be read. */
export function readSourceFile(path: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  return decodeUtfText(bytes);
}
