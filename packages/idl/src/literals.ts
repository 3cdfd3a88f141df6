/**
 * Decoding of IDL literals with Java's semantics: strings as commons-text `unescapeJava`, integers as
 * `Long.decode`, floating point as `Double.parseDouble` (hex floats and f/d suffixes included).
 */

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  b: '\b',
  f: '\f',
  t: '\t',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** The value of a string literal's body (between the quotes); escapes were validated by the tokenizer. */
export function decodeStringLiteral(body: string): string {
  if (!body.includes('\\')) return body;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === 'u') {
      out += String.fromCharCode(Number.parseInt(body.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      let j = i + 1;
      const max = e <= '3' ? 3 : 2;
      while (j < body.length && j - i - 1 < max && body[j]! >= '0' && body[j]! <= '7') j++;
      out += String.fromCharCode(Number.parseInt(body.slice(i + 1, j), 8));
      i = j;
    }
  }
  return out;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A decimal integer that a double holds exactly: the common case, without the general parse. */
const SMALL_DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})$/;

/** The value of a decimal integer literal of up to 15 digits, or undefined for any other form. */
export function smallDecimal(text: string): number | undefined {
  return SMALL_DECIMAL.test(text) ? Number(text) : undefined;
}

export interface IntegerLiteral {
  value: bigint;
  /** Written with an `L` suffix (Avro keeps it as a long even when it fits an int). */
  long: boolean;
}

/** An IntegerLiteral token (`12`, `-0x1F`, `017`, `5L`); undefined when it does not fit a Java long. */
export function parseIntegerLiteral(text: string): IntegerLiteral | undefined {
  let t = text;
  const long = t.endsWith('l') || t.endsWith('L');
  if (long) t = t.slice(0, -1);
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  let magnitude: bigint;
  if (t.startsWith('0x') || t.startsWith('0X')) magnitude = BigInt(`0x${t.slice(2)}`);
  else if (t.length > 1 && t.startsWith('0')) magnitude = BigInt(`0o${t.slice(1)}`);
  else magnitude = BigInt(t);
  const value = negative ? -magnitude : magnitude;
  if (value < LONG_MIN || value > LONG_MAX) return undefined;
  return { value, long };
}

function parseHexFloat(text: string): number {
  const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(text);
  if (!m) return Number.NaN;
  const digits = `${m[1] ?? ''}${m[2] ?? ''}`.replace(/^0+/, '');
  const fractionDigits = (m[2] ?? '').length;
  const exponent = Number(m[3]) - 4 * fractionDigits;
  if (digits === '') return 0;
  // Exact for up to 13 significant hex digits; beyond that the rounding of BigInt -> Number applies once.
  const mantissa = Number(BigInt(`0x${digits}`));
  return mantissa * 2 ** exponent;
}

/** A FloatingPointLiteral token, as Java's `Double.parseDouble` reads it. */
export function parseFloatLiteral(text: string): number {
  let t = text;
  let sign = 1;
  if (t.startsWith('-')) {
    sign = -1;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  if (t === 'NaN') return Number.NaN;
  if (t === 'Infinity') return sign * Number.POSITIVE_INFINITY;
  if (/[fFdD]$/.test(t) && !/^0[xX][0-9a-fA-F.]*$/.test(t)) t = t.slice(0, -1);
  const value = t.startsWith('0x') || t.startsWith('0X') ? parseHexFloat(t) : Number(t);
  return sign * value;
}
