import type { Schema } from './model.js';
import { isNamed } from './model.js';

/**
 * Avro's Parsing Canonical Form: only the attributes that matter for reading (`name`, `type`, `fields`,
 * `symbols`, `items`, `values`, `size`) in that order, full names, no whitespace, primitives as strings.
 */
export function parsingCanonicalForm(schema: Schema): string {
  const written = new Set<string>();
  const write = (s: Schema): string => {
    if (isNamed(s)) {
      const name = JSON.stringify(s.fullName);
      if (written.has(s.fullName)) return name;
      written.add(s.fullName);
      switch (s.type) {
        case 'record':
        case 'error': {
          const fields = s.fields.map((f) => `{"name":${JSON.stringify(f.name)},"type":${write(f.type)}}`);
          return `{"name":${name},"type":"record","fields":[${fields.join(',')}]}`;
        }
        case 'enum':
          return `{"name":${name},"type":"enum","symbols":[${s.symbols.map((x) => JSON.stringify(x)).join(',')}]}`;
        case 'fixed':
          return `{"name":${name},"type":"fixed","size":${s.size}}`;
      }
    }
    switch (s.type) {
      case 'union':
        return `[${s.branches.map(write).join(',')}]`;
      case 'array':
        return `{"type":"array","items":${write(s.items)}}`;
      case 'map':
        return `{"type":"map","values":${write(s.values)}}`;
      default:
        return JSON.stringify(s.type);
    }
  };
  return write(schema);
}
