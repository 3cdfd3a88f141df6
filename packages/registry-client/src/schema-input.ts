import type { SchemaInput, SchemaRequest } from './types.js';

function isRequest(value: object): value is SchemaRequest {
  const record = value as Record<string, unknown>;
  return typeof record.schema === 'string' && record.type === undefined;
}

/** The request body for a schema given as text, parsed Avro JSON, or a ready request. */
export function toSchemaRequest(input: SchemaInput): SchemaRequest {
  if (typeof input === 'string') return { schema: input };
  if (!Array.isArray(input) && isRequest(input)) {
    const { schemaType, ...rest } = input;
    // Avro is the default; leaving it out matches what 7.x registries and kafkajs send.
    return schemaType === undefined || schemaType === 'AVRO' ? rest : { ...rest, schemaType };
  }
  return { schema: JSON.stringify(input) };
}
