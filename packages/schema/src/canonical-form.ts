import { stringifyJson } from './json-format.js';
import type { LogicalType, Schema } from './model.js';
import { isNamed } from './model.js';

/** What to keep beyond Parsing Canonical Form (all off: the form the Avro specification defines). */
export interface CanonicalFormOptions {
  /** Field defaults (`"default"` after the field's type) and enum defaults (after `symbols`). */
  defaults?: boolean;
  /** Logical types, as `"logicalType":"date"` or `"logicalType":"decimal(P,S)"` after the type's attributes. */
  logicalTypes?: boolean;
  /** Write `error` types as `error` (Parsing Canonical Form writes them as `record`). */
  errorTypes?: boolean;
}

function logicalAttribute(t: LogicalType | undefined): string {
  if (!t) return '';
  return t.name === 'decimal'
    ? `,"logicalType":"decimal(${t.precision},${t.scale})"`
    : `,"logicalType":"${t.name}"`;
}

/**
 * Avro's Parsing Canonical Form: only the attributes that matter for reading (`name`, `type`, `fields`,
 * `symbols`, `items`, `values`, `size`) in that order, full names, no whitespace, primitives as strings.
 * `options` keep more of what readers see (defaults, logical types), for comparisons finer than PCF.
 */
export function parsingCanonicalForm(schema: Schema, options: CanonicalFormOptions = {}): string {
  const { defaults = false, logicalTypes = false, errorTypes = false } = options;
  const logical = (s: Schema): string =>
    logicalTypes && s.type !== 'union' ? logicalAttribute(s.logicalType) : '';
  const written = new Set<string>();
  const write = (s: Schema): string => {
    if (isNamed(s)) {
      const name = JSON.stringify(s.fullName);
      if (written.has(s.fullName)) return name;
      written.add(s.fullName);
      switch (s.type) {
        case 'record':
        case 'error': {
          const fields = s.fields.map((f) => {
            const def = defaults && f.default !== undefined ? `,"default":${stringifyJson(f.default)}` : '';
            return `{"name":${JSON.stringify(f.name)},"type":${write(f.type)}${def}}`;
          });
          const type = errorTypes ? s.type : 'record';
          return `{"name":${name},"type":"${type}","fields":[${fields.join(',')}]}`;
        }
        case 'enum': {
          const def = defaults && s.default !== undefined ? `,"default":${JSON.stringify(s.default)}` : '';
          return `{"name":${name},"type":"enum","symbols":[${s.symbols.map((x) => JSON.stringify(x)).join(',')}]${def}}`;
        }
        case 'fixed':
          return `{"name":${name},"type":"fixed","size":${s.size}${logical(s)}}`;
      }
    }
    switch (s.type) {
      case 'union':
        return `[${s.branches.map(write).join(',')}]`;
      case 'array':
        return `{"type":"array","items":${write(s.items)}}`;
      case 'map':
        return `{"type":"map","values":${write(s.values)}}`;
      default: {
        const attribute = logical(s);
        return attribute ? `{"type":"${s.type}"${attribute}}` : JSON.stringify(s.type);
      }
    }
  };
  return write(schema);
}
