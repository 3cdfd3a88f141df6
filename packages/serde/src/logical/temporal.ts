import { DecodeError } from '../errors.js';

/**
 * Conversions between Avro's temporal logical types and their exact text forms (ISO 8601 without a zone):
 * `date` ↔ `2024-05-01`, `time-*` ↔ `12:30:00.123`, `local-timestamp-*` ↔ `2024-05-01T12:30:00.123`.
 * Years outside 0000–9999 use the expanded form `+010000` / `-000001`, as `Date#toISOString` does.
 */

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const LOCAL_RE = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
/** The largest |ms| a `Date` holds. */
const MAX_DATE_MS = 8.64e15;

/** `YYYY-MM-DD` of a UTC millisecond instant. */
function isoDay(ms: number): string {
  const s = new Date(ms).toISOString();
  return s.slice(0, s.indexOf('T'));
}

function utcMillis(year: number, month: number, day: number, h = 0, m = 0, s = 0): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || m > 59 || s > 59) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, m, s, 0);
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return undefined;
  const t = d.getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** Digits of a fraction padded or checked to `n` places; undefined if non-zero digits are cut. */
function fraction(text: string | undefined, n: number): bigint | undefined {
  if (text === undefined) return 0n;
  if (text.length > n) {
    if (!/^0*$/.test(text.slice(n))) return undefined;
    return BigInt(text.slice(0, n));
  }
  return BigInt(text.padEnd(n, '0'));
}

export function dateToDays(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = DATE_RE.exec(v);
  if (!m) return undefined;
  const ms = utcMillis(Number(m[1]), Number(m[2]), Number(m[3]));
  return ms === undefined ? undefined : ms / MS_PER_DAY;
}

export function daysToDate(days: number): string {
  const ms = days * MS_PER_DAY;
  if (Math.abs(ms) > MAX_DATE_MS) throw new DecodeError(`date ${days} days from the epoch is out of range`);
  return isoDay(ms);
}

/** Units per second for the time and timestamp precisions. */
export type TimeUnit = 'millis' | 'micros' | 'nanos';
const DIGITS: Record<TimeUnit, number> = { millis: 3, micros: 6, nanos: 9 };
const PER_MS: Record<TimeUnit, bigint> = { millis: 1n, micros: 1000n, nanos: 1_000_000n };

/** `HH:MM:SS[.fff]` → units since midnight. */
export function timeToUnits(v: unknown, unit: TimeUnit): bigint | undefined {
  if (typeof v !== 'string') return undefined;
  const m = TIME_RE.exec(v);
  if (!m) return undefined;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const f = fraction(m[4], DIGITS[unit]);
  if (f === undefined) return undefined;
  return BigInt((h * 60 + mi) * 60 + s) * PER_MS[unit] * 1000n + f;
}

export function unitsToTime(units: bigint, unit: TimeUnit): string {
  const perSecond = PER_MS[unit] * 1000n;
  if (units < 0n || units >= 86_400n * perSecond)
    throw new DecodeError(`time of day ${units} ${unit} is out of range`);
  const seconds = Number(units / perSecond);
  const rest = units % perSecond;
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}.${String(rest).padStart(DIGITS[unit], '0')}`;
}

/** `YYYY-MM-DDTHH:MM:SS[.fff]` → units since 1970-01-01T00:00:00 (no zone). */
export function localToUnits(v: unknown, unit: TimeUnit): bigint | undefined {
  if (typeof v !== 'string') return undefined;
  const m = LOCAL_RE.exec(v);
  if (!m) return undefined;
  const ms = utcMillis(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  if (ms === undefined) return undefined;
  const f = fraction(m[7], DIGITS[unit]);
  if (f === undefined) return undefined;
  return BigInt(ms) * PER_MS[unit] + f;
}

export function unitsToLocal(units: bigint, unit: TimeUnit): string {
  const per = PER_MS[unit];
  let ms = units / per;
  let rest = units % per;
  if (rest < 0n) {
    rest += per;
    ms -= 1n;
  }
  const msNumber = Number(ms);
  if (Math.abs(msNumber) > MAX_DATE_MS)
    throw new DecodeError(`local timestamp ${units} ${unit} is out of range`);
  const iso = new Date(msNumber).toISOString(); // ...THH:MM:SS.sssZ
  const base = iso.slice(0, -1);
  return unit === 'millis' ? base : `${base}${String(rest).padStart(DIGITS[unit] - 3, '0')}`;
}

/** A valid `Date` (not `Invalid Date`). */
export function isValidDate(v: unknown): v is Date {
  return v instanceof Date && !Number.isNaN(v.getTime());
}

export function millisToDate(ms: number): Date {
  if (Math.abs(ms) > MAX_DATE_MS) throw new DecodeError(`timestamp ${ms} ms is outside the Date range`);
  return new Date(ms);
}
