/**
 * A number that was written with a fraction or an exponent (`1.0`, `1e3`, `NaN` in IDL). Avro Java keeps
 * such numbers as doubles and prints them as doubles (`1.0`, not `1`), so the model keeps the distinction.
 */
export class JsonDouble {
  constructor(readonly value: number) {}

  valueOf(): number {
    return this.value;
  }
}

/**
 * A JSON value as the schema model keeps it: integers in the safe range are `number`, larger integers are
 * `bigint`, numbers written as floating point are `JsonDouble`. A plain non-integral `number` (from
 * `JSON.parse`) is also accepted and treated as a double.
 */
export type JsonValue = null | boolean | number | bigint | string | JsonDouble | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonDouble)
  );
}

export function isJsonNumber(value: unknown): value is number | bigint | JsonDouble {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof JsonDouble;
}

/** True for a number without fraction or exponent (what Jackson calls an integral number). */
export function isIntegralNumber(value: unknown): value is number | bigint {
  return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
}

/** The numeric value of a JSON number, as a JS number (big integers may lose precision). */
export function numberValue(value: number | bigint | JsonDouble): number {
  return value instanceof JsonDouble ? value.value : Number(value);
}

/** Structural equality of two JSON values; `1` and `1.0` are different kinds and not equal. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a instanceof JsonDouble || b instanceof JsonDouble) {
    return a instanceof JsonDouble && b instanceof JsonDouble && Object.is(a.value, b.value);
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') return BigInt(a as never) === BigInt(b as never);
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEquals(v, b[i]!));
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && jsonEquals(a[k]!, b[k]!));
  }
  return a === b;
}

/**
 * Converts any JS value from `JSON.parse` (or already a JsonValue) into a JsonValue; undefined for others.
 * Returns the input itself when it is already a JsonValue, so parsed JSON is not copied.
 */
export function toJsonValue(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : new JsonDouble(value);
  if (typeof value === 'bigint' || value instanceof JsonDouble) return value;
  if (Array.isArray(value)) {
    let out: JsonValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = toJsonValue(value[i]);
      if (v === undefined) return undefined;
      if (v !== value[i]) out ??= value.slice(0, i);
      out?.push(v);
    }
    return out ?? (value as JsonValue[]);
  }
  if (typeof value === 'object') {
    let out: JsonObject | undefined;
    const source = value as Record<string, unknown>;
    for (const k in source) {
      const item = source[k];
      const v = toJsonValue(item);
      if (v === undefined) return undefined;
      if (v !== item && !out) {
        out = {};
        for (const done in source) {
          if (done === k) break;
          out[done] = source[done] as JsonValue;
        }
      }
      if (out) out[k] = v;
    }
    return out ?? (source as JsonObject);
  }
  return undefined;
}
