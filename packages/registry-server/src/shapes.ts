import type { StoredSchema, StoredVersion } from './store/state.js';

/** Fields of a schema shared by every response shape; Confluent 7.x leaves out AVRO and empty lists. */
function schemaFields(stored: StoredSchema, out: Record<string, unknown>): Record<string, unknown> {
  if (stored.schemaType !== 'AVRO') out.schemaType = stored.schemaType;
  if (stored.references.length > 0) out.references = stored.references;
  if (stored.metadata) out.metadata = stored.metadata;
  if (stored.ruleSet) out.ruleSet = stored.ruleSet;
  out.schema = stored.schema;
  return out;
}

/** `GET /subjects/{s}/versions/{v}`, lookup, `/schemas` entries. */
export function versionShape(v: StoredVersion): Record<string, unknown> {
  return schemaFields(v.schema, { subject: v.subject, version: v.version, id: v.schema.id });
}

/** `GET /schemas/ids/{id}`. */
export function byIdShape(stored: StoredSchema): Record<string, unknown> {
  return schemaFields(stored, {});
}
