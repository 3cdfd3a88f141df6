import { isIntegralNumber, type JsonValue } from './json-value.js';
import type { LogicalType, PrimitiveTypeName, Properties } from './model.js';

/** The largest decimal precision a fixed of `size` bytes can hold (Avro's `maxPrecision`). */
export function maxDecimalPrecision(size: number): number {
  return Math.floor(Math.log10(2 ** (8 * size - 1) - 1));
}

type Underlying = PrimitiveTypeName | 'fixed';

const SIMPLE: Record<string, (type: Underlying, size?: number) => boolean> = {
  uuid: (t, size) => t === 'string' || (t === 'fixed' && size === 16),
  date: (t) => t === 'int',
  'time-millis': (t) => t === 'int',
  'time-micros': (t) => t === 'long',
  'timestamp-millis': (t) => t === 'long',
  'timestamp-micros': (t) => t === 'long',
  'timestamp-nanos': (t) => t === 'long',
  'local-timestamp-millis': (t) => t === 'long',
  'local-timestamp-micros': (t) => t === 'long',
  'local-timestamp-nanos': (t) => t === 'long',
  duration: (t, size) => t === 'fixed' && size === 12,
  'big-decimal': (t) => t === 'bytes',
};

export interface LogicalTypeCheck {
  logicalType?: LogicalType;
  /** Why a declared logical type was ignored (Avro Java ignores invalid logical types silently). */
  problem?: string;
}

function intProp(value: JsonValue | undefined): number | undefined {
  return isIntegralNumber(value) && Number(value) >= -(2 ** 31) && Number(value) < 2 ** 31
    ? Number(value)
    : undefined;
}

/** Recognises and validates the `logicalType` of a primitive or fixed schema, as Avro Java 1.12 does. */
export function checkLogicalType(type: Underlying, props: Properties, size?: number): LogicalTypeCheck {
  const name = props.get('logicalType');
  if (typeof name !== 'string') return {};
  if (name === 'decimal') {
    if (type !== 'bytes' && type !== 'fixed') return { problem: 'decimal must be backed by bytes or fixed' };
    const precision = intProp(props.get('precision'));
    if (precision === undefined) return { problem: 'decimal precision must be an int' };
    const scaleValue = props.get('scale');
    const scale = scaleValue === undefined ? 0 : intProp(scaleValue);
    if (scale === undefined) return { problem: 'decimal scale must be an int' };
    if (precision <= 0) return { problem: `decimal precision must be positive: ${precision}` };
    if (scale < 0) return { problem: `decimal scale must be non-negative: ${scale}` };
    if (scale > precision)
      return { problem: `decimal scale ${scale} is greater than its precision ${precision}` };
    if (type === 'fixed' && size !== undefined && precision > maxDecimalPrecision(size)) {
      return {
        problem: `fixed(${size}) cannot store ${precision} digits (max ${maxDecimalPrecision(size)})`,
      };
    }
    return { logicalType: { name, precision, scale } };
  }
  const fits = SIMPLE[name];
  if (!fits) return {};
  if (!fits(type, size))
    return { problem: `${name} cannot be backed by ${type === 'fixed' ? `fixed(${size})` : type}` };
  return { logicalType: { name } as LogicalType };
}
