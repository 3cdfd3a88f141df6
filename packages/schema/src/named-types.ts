import type { NamedSchema, Schema } from './model.js';
import { isNamed } from './model.js';

/**
 * Every named type reachable from `schema` (itself included), each once, in the order a depth-first
 * walk meets them: the order their definitions appear in the schema's JSON.
 */
export function namedTypesOf(schema: Schema): NamedSchema[] {
  const out: NamedSchema[] = [];
  const seen = new Set<string>();
  const visit = (s: Schema): void => {
    if (isNamed(s)) {
      if (seen.has(s.fullName)) return;
      seen.add(s.fullName);
      out.push(s);
      if (s.type === 'record' || s.type === 'error') for (const f of s.fields) visit(f.type);
      return;
    }
    if (s.type === 'union') for (const b of s.branches) visit(b);
    else if (s.type === 'array') visit(s.items);
    else if (s.type === 'map') visit(s.values);
  };
  visit(schema);
  return out;
}
