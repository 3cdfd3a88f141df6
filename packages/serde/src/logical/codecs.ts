import type { Schema } from '@charter/schema';
import type { BinaryReader } from '../binary/reader.js';
import type { BinaryWriter } from '../binary/writer.js';
import { EncodeTypeError } from '../errors.js';
import {
  decimalFromBytes,
  parseDecimal,
  readDecimalBytes,
  readDecimalFixed,
  writeDecimalBytes,
  writeDecimalFixed,
} from './decimal.js';
import { bytesToDuration, checkDuration, type Duration, durationToBytes } from './duration.js';
import {
  dateToDays,
  daysToDate,
  isValidDate,
  localToUnits,
  millisToDate,
  type TimeUnit,
  timeToUnits,
  unitsToLocal,
  unitsToTime,
} from './temporal.js';
import { bytesToUuid, isUuid, uuidToBytes, writeUuidString } from './uuid.js';

/**
 * How one logical type is represented in JavaScript and converted on the wire. `fromRaw` converts a value
 * of the underlying Avro type (int/long as number or bigint, bytes/fixed as Uint8Array, string) and is
 * used for defaults and for promoted writer values.
 */
export interface LogicalCodec {
  /** Human description for messages: `decimal(10,2)`, `timestamp-millis`. */
  readonly label: string;
  check(v: unknown): string | undefined;
  write(w: BinaryWriter, v: unknown): void;
  read(r: BinaryReader): unknown;
  fromRaw(raw: unknown): unknown;
  /**
   * `write` and `read` as module functions taking constant numbers after `(w, v)` / `(r)`: compiled code
   * calls them directly with literal arguments, which the optimiser folds (a closure's are not).
   */
  readonly direct?: DirectCalls | undefined;
}

export interface DirectCalls {
  readonly write: (w: BinaryWriter, v: unknown, ...args: number[]) => void;
  readonly read: (r: BinaryReader, ...args: number[]) => unknown;
  readonly args: { readonly write: readonly number[]; readonly read: readonly number[] };
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function orThrow<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new EncodeTypeError(message);
  return value;
}

function decimalCodec(precision: number, scale: number, size: number | undefined): LogicalCodec {
  const label = `decimal(${precision},${scale})`;
  return {
    label,
    check(v) {
      const u = parseDecimal(v, precision, scale);
      return typeof u === 'string' ? u : undefined;
    },
    write:
      size === undefined
        ? (w, v) => writeDecimalBytes(w, v, precision, scale)
        : (w, v) => writeDecimalFixed(w, v, precision, scale, size),
    read: size === undefined ? (r) => readDecimalBytes(r, scale) : (r) => readDecimalFixed(r, size, scale),
    fromRaw: (raw) => decimalFromBytes(raw as Uint8Array, scale),
    direct:
      size === undefined
        ? {
            write: writeDecimalBytes as DirectCalls['write'],
            read: readDecimalBytes as DirectCalls['read'],
            args: { write: [precision, scale], read: [scale] },
          }
        : undefined,
  };
}

function timeCodec(unit: TimeUnit, backing: 'int' | 'long'): LogicalCodec {
  const label = `time-${unit}`;
  const message = `expected a time of day "HH:MM:SS.${'f'.repeat(unit === 'millis' ? 3 : 6)}"`;
  return {
    label,
    check: (v) => (timeToUnits(v, unit) === undefined ? message : undefined),
    write(w, v) {
      const units = Number(orThrow(timeToUnits(v, unit), message));
      if (backing === 'int') w.writeInt(units);
      else w.writeLong(units);
    },
    read: (r) => unitsToTime(BigInt(backing === 'int' ? r.readInt() : r.readBigLong()), unit),
    fromRaw: (raw) => unitsToTime(BigInt(raw as number | bigint), unit),
  };
}

function localTimestampCodec(unit: TimeUnit): LogicalCodec {
  const label = `local-timestamp-${unit}`;
  const message = `expected a local date-time "YYYY-MM-DDTHH:MM:SS.${'f'.repeat(unit === 'millis' ? 3 : unit === 'micros' ? 6 : 9)}"`;
  return {
    label,
    check: (v) => {
      const u = localToUnits(v, unit);
      return u === undefined || u < LONG_MIN || u > LONG_MAX ? message : undefined;
    },
    write: (w, v) => w.writeBigLong(orThrow(localToUnits(v, unit), message)),
    read: (r) => unitsToLocal(r.readBigLong(), unit),
    fromRaw: (raw) => unitsToLocal(BigInt(raw as number | bigint), unit),
  };
}

function exactTimestampCodec(unit: TimeUnit): LogicalCodec {
  return {
    label: `timestamp-${unit}`,
    check: (v) =>
      typeof v === 'bigint' && v >= LONG_MIN && v <= LONG_MAX
        ? undefined
        : `expected a bigint count of ${unit} since the epoch`,
    write: (w, v) => w.writeBigLong(v),
    read: (r) => r.readBigLong(),
    fromRaw: (raw) => BigInt(raw as number | bigint),
  };
}

const timestampMillis: LogicalCodec = {
  label: 'timestamp-millis',
  check: (v) => (isValidDate(v) ? undefined : 'expected a valid Date'),
  write: (w, v) => w.writeLong(v instanceof Date ? v.getTime() : undefined),
  read: (r) => millisToDate(r.readLong()),
  fromRaw: (raw) => millisToDate(Number(raw)),
};

const date: LogicalCodec = {
  label: 'date',
  check: (v) => (dateToDays(v) === undefined ? 'expected a date "YYYY-MM-DD"' : undefined),
  write: (w, v) => w.writeInt(orThrow(dateToDays(v), 'expected a date "YYYY-MM-DD"')),
  read: (r) => daysToDate(r.readInt()),
  fromRaw: (raw) => daysToDate(Number(raw)),
};

const uuidString: LogicalCodec = {
  label: 'uuid',
  check: (v) => (isUuid(v) ? undefined : 'expected a UUID string'),
  write(w, v) {
    if (typeof v !== 'string' || v.length !== 36) throw new EncodeTypeError('expected a UUID string');
    w.ensure(37);
    if (!writeUuidString(w.buf, w.view, w.pos, v)) throw new EncodeTypeError('expected a UUID string');
    w.pos += 37;
  },
  read: (r) => r.readString(),
  fromRaw: (raw) => raw,
};

const uuidFixed: LogicalCodec = {
  label: 'uuid',
  check: uuidString.check,
  write(w, v) {
    if (!isUuid(v)) throw new EncodeTypeError('expected a UUID string');
    w.writeFixed(uuidToBytes(v), 16);
  },
  read: (r) => bytesToUuid(r.readFixed(16)),
  fromRaw: (raw) => bytesToUuid(raw as Uint8Array),
};

const duration: LogicalCodec = {
  label: 'duration',
  check: checkDuration,
  write(w, v) {
    const problem = checkDuration(v);
    if (problem) throw new EncodeTypeError(problem);
    w.writeFixed(durationToBytes(v as Duration), 12);
  },
  read: (r) => bytesToDuration(r.readFixed(12)),
  fromRaw: (raw) => bytesToDuration(raw as Uint8Array),
};

/** The codec of a schema's logical type, or undefined when its values are those of the underlying type. */
export function logicalCodec(schema: Schema): LogicalCodec | undefined {
  if (schema.type === 'union' || !schema.logicalType) return undefined;
  const lt = schema.logicalType;
  switch (lt.name) {
    case 'decimal':
      return decimalCodec(lt.precision, lt.scale, schema.type === 'fixed' ? schema.size : undefined);
    case 'uuid':
      return schema.type === 'fixed' ? uuidFixed : uuidString;
    case 'date':
      return date;
    case 'time-millis':
      return timeCodec('millis', 'int');
    case 'time-micros':
      return timeCodec('micros', 'long');
    case 'timestamp-millis':
      return timestampMillis;
    case 'timestamp-micros':
      return exactTimestampCodec('micros');
    case 'timestamp-nanos':
      return exactTimestampCodec('nanos');
    case 'local-timestamp-millis':
      return localTimestampCodec('millis');
    case 'local-timestamp-micros':
      return localTimestampCodec('micros');
    case 'local-timestamp-nanos':
      return localTimestampCodec('nanos');
    case 'duration':
      return duration;
    case 'big-decimal':
      return undefined;
  }
}
