import { isJsonObject, JsonDouble, type JsonValue } from './json-value.js';

/**
 * Formats a double the way Java's `Double.toString` does (and so Jackson and Avro Java): `1.0`, `0.001`,
 * `1.0E7`, `1.234E-5`. NaN and infinities are not JSON numbers; Jackson writes them as strings.
 */
export function formatJavaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`;
}

function writeNumber(value: number | bigint | JsonDouble): string {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof JsonDouble) {
    return Number.isFinite(value.value)
      ? formatJavaDouble(value.value)
      : JSON.stringify(formatJavaDouble(value.value));
  }
  if (Number.isInteger(value)) return String(value);
  return Number.isFinite(value) ? formatJavaDouble(value) : JSON.stringify(formatJavaDouble(value));
}

/** Compact JSON as Jackson writes it: doubles keep their `.0`, big integers stay exact. */
export function stringifyJson(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'bigint':
      return writeNumber(value);
  }
  if (value instanceof JsonDouble) return writeNumber(value);
  if (Array.isArray(value)) return `[${value.map(stringifyJson).join(',')}]`;
  if (isJsonObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`)
      .join(',')}}`;
  }
  throw new TypeError(`not a JSON value: ${String(value)}`);
}

/**
 * Pretty JSON as Jackson's default pretty printer writes it (what `Schema.toString(true)` prints):
 * two-space indent, `" : "` between key and value, `[ ]` and `{ }` when empty.
 */
export function stringifyJsonPretty(value: JsonValue, indent = ''): string {
  // One pass collecting the pieces, joined once: a large protocol is written in a few milliseconds, cold.
  const out: string[] = [];
  const write = (v: JsonValue, at: string): void => {
    if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push('[ ]');
        return;
      }
      // Jackson's array indenter is inline: arrays do not deepen the indentation of the objects inside.
      out.push('[ ');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out.push(', ');
        write(v[i]!, at);
      }
      out.push(' ]');
      return;
    }
    if (isJsonObject(v)) {
      const inner = `${at}  `;
      let first = true;
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        out.push(first ? '{\n' : ',\n', inner, JSON.stringify(key), ' : ');
        first = false;
        write(v[key]!, inner);
      }
      out.push(first ? '{ }' : `\n${at}}`);
      return;
    }
    out.push(typeof v === 'string' ? JSON.stringify(v) : stringifyJson(v));
  };
  write(value, indent);
  return out.join('');
}
