import type { Schema } from '@charter/schema';
import type { ValidationIssue } from './errors.js';
import { logicalCodec } from './logical/codecs.js';
import { type CodecOptions, fieldOf, unionShape } from './representation.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function member(path: string, name: string): string {
  if (!IDENTIFIER.test(name)) return `${path}[${JSON.stringify(name)}]`;
  return path ? `${path}.${name}` : name;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks a value against a schema in the represented form and lists every bad value with its path
 * (`lines[2].price`); empty when the encoder accepts the value.
 */
export function validateValue(schema: Schema, value: unknown, options: CodecOptions = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (path: string, expected: string, v: unknown) =>
    issues.push({ path, message: `expected ${expected}, got ${describe(v)}` });

  const visit = (s: Schema, v: unknown, path: string): void => {
    const logical = logicalCodec(s);
    if (logical) {
      const problem = logical.check(v);
      if (problem) issues.push({ path, message: problem });
      return;
    }
    switch (s.type) {
      case 'null':
        if (v !== null) report(path, 'null', v);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') report(path, 'a boolean', v);
        return;
      case 'int':
        if (typeof v !== 'number' || (v | 0) !== v) report(path, 'a 32-bit integer', v);
        return;
      case 'long':
        if (options.longs === 'bigint') {
          if (typeof v !== 'bigint' || v < LONG_MIN || v > LONG_MAX) report(path, 'a 64-bit bigint', v);
        } else if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
          report(path, 'a safe integer (long)', v);
        }
        return;
      case 'float':
      case 'double':
        if (typeof v !== 'number') report(path, 'a number', v);
        return;
      case 'string':
        if (typeof v !== 'string') report(path, 'a string', v);
        return;
      case 'bytes':
        if (!(v instanceof Uint8Array)) report(path, 'a Uint8Array', v);
        return;
      case 'fixed':
        if (!(v instanceof Uint8Array) || v.length !== s.size)
          report(path, `${s.size} bytes (${s.fullName})`, v);
        return;
      case 'enum':
        if (typeof v !== 'string' || !s.symbols.includes(v))
          report(path, `one of ${s.symbols.join(', ')} (${s.fullName})`, v);
        return;
      case 'array':
        if (!Array.isArray(v)) report(path, 'an array', v);
        else
          v.forEach((item, i) => {
            visit(s.items, item, `${path}[${i}]`);
          });
        return;
      case 'map':
        if (!isPlainObject(v)) report(path, 'a plain object (map)', v);
        else for (const key of Object.keys(v)) visit(s.values, v[key], member(path, key));
        return;
      case 'record':
      case 'error':
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
          report(path, `an object (${s.fullName})`, v);
          return;
        }
        for (const f of s.fields) visit(f.type, fieldOf(v, f.name), member(path, f.name));
        return;
      case 'union': {
        const shape = unionShape(s);
        if (shape.kind === 'single') visit(shape.schema, v, path);
        else if (shape.kind === 'nullable') {
          if (v !== null) visit(shape.schema, v, path);
        } else {
          if (v === null && shape.nullIndex !== undefined) return;
          const keys = shape.branches.map((b) => b.key);
          const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
          const branch = shape.branches.find((b) => b.key === type);
          if (!branch) {
            const options = `{ type: ${keys.map((k) => JSON.stringify(k)).join(' | ')}, value }`;
            report(path, shape.nullIndex === undefined ? options : `null or ${options}`, v);
          } else visit(branch.schema, (v as { value?: unknown }).value, member(path, 'value'));
        }
        return;
      }
    }
  };
  visit(schema, value, '');
  return issues;
}
