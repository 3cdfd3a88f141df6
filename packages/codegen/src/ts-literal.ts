const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}

/** A value in the charter representation as a TypeScript expression (`new Date(...)`, `12n`, ...). */
export function tsLiteral(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'boolean':
      return String(value);
    case 'number':
      if (Number.isNaN(value)) return 'Number.NaN';
      if (!Number.isFinite(value)) return value > 0 ? 'Number.POSITIVE_INFINITY' : 'Number.NEGATIVE_INFINITY';
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return quote(value);
  }
  if (value instanceof Date) return `new Date(${quote(value.toISOString())})`;
  if (value instanceof Uint8Array) return `new Uint8Array([${[...value].join(', ')}])`;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    // `__proto__: v` and `'__proto__': v` would set the prototype; a computed key defines a property.
    ([k, v]) => `${k === '__proto__' ? "['__proto__']" : IDENTIFIER.test(k) ? k : quote(k)}: ${tsLiteral(v)}`,
  );
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}
