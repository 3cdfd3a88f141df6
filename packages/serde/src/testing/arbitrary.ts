import type { Schema } from '@charter/schema';
import fc from 'fast-check';
import { branchKey, type CodecOptions, unionShape } from '../index.js';

/**
 * fast-check arbitraries of represented values, written independently of the codec (canonical text forms
 * are built here with Date and string formatting, not with the codec's conversion functions).
 */
export interface ArbitraryOptions extends CodecOptions {
  /** Keep values every Avro implementation can hold: no NaN/Infinity, years 0001–9999. */
  portable?: boolean;
  maxDepth?: number;
}

const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');

function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  let digits = (neg ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return neg ? `-${digits}` : digits;
}

function timeText(units: number, perSecond: number, digits: number): string {
  const seconds = Math.floor(units / perSecond);
  return `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(units % perSecond, digits)}`;
}

function dates(portable: boolean, min = '0001-01-01T00:00:00Z', max = '9999-12-31T23:59:59.999Z') {
  return fc.date({
    min: new Date(portable ? min : '-010000-01-01T00:00:00Z'),
    max: new Date(max),
    noInvalidDate: true,
  });
}

export function arbitraryFor(schema: Schema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const portable = options.portable ?? false;
  const maxDepth = options.maxDepth ?? 3;

  const logical = (s: Schema): fc.Arbitrary<unknown> | undefined => {
    if (s.type === 'union' || !s.logicalType) return undefined;
    const lt = s.logicalType;
    switch (lt.name) {
      case 'decimal': {
        const limit = 10n ** BigInt(lt.precision) - 1n;
        return fc.bigInt({ min: -limit, max: limit }).map((u) => decimalText(u, lt.scale));
      }
      case 'uuid':
        return fc.uuid();
      case 'date':
        return dates(portable).map((d) => {
          const iso = d.toISOString();
          return iso.slice(0, iso.indexOf('T'));
        });
      case 'time-millis':
        return fc.integer({ min: 0, max: 86_399_999 }).map((u) => timeText(u, 1000, 3));
      case 'time-micros':
        return fc.integer({ min: 0, max: 86_399_999_999 }).map((u) => timeText(u, 1_000_000, 6));
      case 'timestamp-millis':
        return dates(portable);
      case 'timestamp-micros':
        return portable
          ? dates(true).chain((d) =>
              fc.integer({ min: 0, max: 999 }).map((us) => BigInt(d.getTime()) * 1000n + BigInt(us)),
            )
          : fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
      case 'timestamp-nanos':
        return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
      case 'local-timestamp-millis':
        return dates(portable).map((d) => d.toISOString().slice(0, -1));
      case 'local-timestamp-micros':
        return fc
          .tuple(dates(portable), fc.integer({ min: 0, max: 999 }))
          .map(([d, us]) => `${d.toISOString().slice(0, -1)}${pad(us, 3)}`);
      case 'local-timestamp-nanos':
        // nanoseconds in a signed long: 1677-09-21 to 2262-04-11
        return fc
          .tuple(
            dates(true, '1677-09-22T00:00:00Z', '2262-04-10T00:00:00Z'),
            fc.integer({ min: 0, max: 999_999 }),
          )
          .map(([d, ns]) => `${d.toISOString().slice(0, -1)}${pad(ns, 6)}`);
      case 'duration':
        return fc.record({
          months: fc.integer({ min: 0, max: 0xffffffff }),
          days: fc.integer({ min: 0, max: 0xffffffff }),
          milliseconds: fc.integer({ min: 0, max: 0xffffffff }),
        });
      case 'big-decimal':
        return undefined;
    }
  };

  const arb = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    const l = logical(s);
    if (l) return l;
    const deep = depth > maxDepth;
    switch (s.type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'int':
        return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
      case 'long':
        return options.longs === 'bigint'
          ? fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
          : fc.maxSafeInteger();
      case 'float':
        return fc.float({ noNaN: portable, noDefaultInfinity: portable });
      case 'double':
        return fc.double({ noNaN: portable, noDefaultInfinity: portable });
      case 'string':
        return fc.string({ unit: 'binary', maxLength: 20 });
      case 'bytes':
        return fc.uint8Array({ maxLength: 20 });
      case 'fixed':
        return fc.uint8Array({ minLength: s.size, maxLength: s.size });
      case 'enum':
        return fc.constantFrom(...s.symbols);
      case 'array':
        return deep ? fc.constant([]) : fc.array(arb(s.items, depth + 1), { maxLength: 4 });
      case 'map':
        return deep
          ? fc.constant({})
          : fc
              .uniqueArray(fc.tuple(fc.string({ unit: 'binary', maxLength: 8 }), arb(s.values, depth + 1)), {
                maxLength: 4,
                selector: ([k]) => k,
              })
              .map((entries) => {
                const out: Record<string, unknown> = {};
                for (const [k, v] of entries)
                  Object.defineProperty(out, k, {
                    value: v,
                    enumerable: true,
                    writable: true,
                    configurable: true,
                  });
                return out;
              });
      case 'record':
      case 'error': {
        const fields: Record<string, fc.Arbitrary<unknown>> = {};
        for (const f of s.fields) fields[f.name] = arb(f.type, depth + 1);
        return fc.record(fields);
      }
      case 'union': {
        const shape = unionShape(s);
        if (shape.kind === 'single') return arb(shape.schema, depth);
        if (shape.kind === 'nullable')
          return deep ? fc.constant(null) : fc.option(arb(shape.schema, depth + 1), { nil: null });
        const choices: fc.Arbitrary<unknown>[] = [];
        if (shape.nullIndex !== undefined) choices.push(fc.constant(null));
        const branches = deep && shape.nullIndex !== undefined ? [] : shape.branches;
        for (const b of branches) {
          choices.push(arb(b.schema, depth + 1).map((value) => ({ type: branchKey(b.schema), value })));
        }
        return fc.oneof(...choices);
      }
    }
  };
  return arb(schema, 0);
}
