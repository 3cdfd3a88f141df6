/** The largest schema id: ids are Java ints. */
export const MAX_SCHEMA_ID = 2 ** 31 - 1;

/**
 * A schema id path segment, `text` from `start` on: 1 to 10 ASCII digits, at most `MAX_SCHEMA_ID`.
 * Undefined for anything else (which JAX-RS cannot bind to an int: a plain 404).
 */
export function parseSchemaId(text: string, start = 0): number | undefined {
  const length = text.length - start;
  if (length < 1 || length > 10) return undefined;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  const id = Number(start === 0 ? text : text.slice(start));
  return id > MAX_SCHEMA_ID ? undefined : id;
}
