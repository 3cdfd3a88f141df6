/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends tokens to a JSON pointer; the root pointer is `''`. */
export function appendPointer(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}

/** Avro Java prints the root pointer as `/`; everything else as RFC 6901. */
export function displayPointer(pointer: string): string {
  return pointer === '' ? '/' : pointer;
}
