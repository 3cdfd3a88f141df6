import type { JsonMap, SchemaReference } from './ops.js';

/** JSON with object keys sorted, so that equal maps give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as JsonMap)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What makes two registrations the same schema (Confluent hashes the same parts): type, canonical
 * text, references, metadata and rule set.
 */
export function identityKey(
  schemaType: string,
  schema: string,
  references: readonly SchemaReference[] | undefined,
  metadata: JsonMap | undefined,
  ruleSet: JsonMap | undefined,
): string {
  const refs = references?.length ? stableJson(references) : '';
  const md = metadata ? stableJson(metadata) : '';
  const rs = ruleSet ? stableJson(ruleSet) : '';
  return `${schemaType}\u0000${schema}\u0000${refs}\u0000${md}\u0000${rs}`;
}
