/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends tokens to a JSON pointer; the root pointer is `''`. */
export function appendPointer(pointer: string, ...tokens: (string | number)[]): string {
  let out = pointer;
  for (const t of tokens) out += `/${escapePointerToken(t)}`;
  return out;
}

/** Avro Java prints the root pointer as `/`; everything else as RFC 6901. */
export function displayPointer(pointer: string): string {
  return pointer === '' ? '/' : pointer;
}
