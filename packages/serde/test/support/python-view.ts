import type { Schema } from '@charter/schema';
import { unionShape } from '@charter/serde';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function long(v: bigint | number): unknown {
  const b = BigInt(v);
  return b >= -SAFE && b <= SAFE ? Number(b) : { $long: b.toString() };
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Milliseconds of a zone-less ISO date-time, read as UTC (independent of the codec's parser). */
function localMillis(text: string): bigint {
  return BigInt(Date.parse(`${text.slice(0, 23)}Z`));
}

/**
 * What Apache Avro's Python library (1.11) gives for one of our represented values, normalized as
 * avro_cross.py prints it. Python converts date, time-*, timestamp-millis/micros, decimal and uuid (on
 * strings); the other logical types come back as their underlying values.
 */
export function pythonView(schema: Schema, value: unknown): unknown {
  if (schema.type !== 'union' && schema.logicalType) {
    const lt = schema.logicalType;
    switch (lt.name) {
      case 'decimal':
        return { $decimal: value };
      case 'uuid':
        return schema.type === 'fixed' ? { $bytes: (value as string).replaceAll('-', '') } : value;
      case 'date':
        return { $date: value };
      case 'time-millis':
        return { $time: `${value as string}000` };
      case 'time-micros':
        return { $time: value };
      case 'timestamp-millis':
        return { $micros: (BigInt((value as Date).getTime()) * 1000n).toString() };
      case 'timestamp-micros':
        return { $micros: (value as bigint).toString() };
      case 'timestamp-nanos':
        return long(value as bigint);
      case 'local-timestamp-millis':
        return long(localMillis(value as string));
      case 'local-timestamp-micros': {
        const text = value as string;
        return long(localMillis(text) * 1000n + BigInt(text.slice(23)));
      }
      case 'local-timestamp-nanos': {
        const text = value as string;
        return long(localMillis(text) * 1_000_000n + BigInt(text.slice(23)));
      }
      case 'duration': {
        const d = value as { months: number; days: number; milliseconds: number };
        const out = Buffer.alloc(12);
        out.writeUInt32LE(d.months, 0);
        out.writeUInt32LE(d.days, 4);
        out.writeUInt32LE(d.milliseconds, 8);
        return { $bytes: out.toString('hex') };
      }
      case 'big-decimal':
        return { $bytes: hex(value as Uint8Array) };
    }
  }
  switch (schema.type) {
    case 'long':
      return long(value as bigint | number);
    case 'bytes':
    case 'fixed':
      return { $bytes: hex(value as Uint8Array) };
    case 'array':
      return (value as unknown[]).map((v) => pythonView(schema.items, v));
    case 'map':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, pythonView(schema.values, v)]),
      );
    case 'record':
    case 'error':
      return Object.fromEntries(
        schema.fields.map((f) => [f.name, pythonView(f.type, (value as Record<string, unknown>)[f.name])]),
      );
    case 'union': {
      if (value === null) return null;
      const shape = unionShape(schema);
      if (shape.kind !== 'tagged') return pythonView(shape.schema, value);
      const tagged = value as { type: string; value: unknown };
      return pythonView(shape.branches.find((b) => b.key === tagged.type)!.schema, tagged.value);
    }
    default:
      return value;
  }
}
