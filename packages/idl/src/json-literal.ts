import type { JsonObject, JsonValue } from '@charter/schema';

/** A fresh JSON object for untrusted keys: `__proto__` becomes an own property, not the prototype. */
export function setJsonKey(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else object[key] = value;
}

const SAFE_INT = 2n ** 53n;

/** An integer as the schema model keeps it: a number when exact, a bigint beyond 2^53. */
export function integerValue(value: bigint): number | bigint {
  return value < SAFE_INT && value > -SAFE_INT ? Number(value) : value;
}
