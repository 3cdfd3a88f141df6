import { type NamedTypes, parseSchemaText, type Schema } from '@charter/schema';
import { ResolutionError } from './errors.js';

interface Reference {
  name: string;
  subject: string;
  version: number;
}

/** The registry calls needed to fetch a schema and the schemas it references. */
export interface ReferenceSource {
  getSchemaById(id: number): Promise<{ schema: string; schemaType?: string; references?: Reference[] }>;
  getSchemaByVersion?(
    subject: string,
    version: number,
  ): Promise<{ schema: string; schemaType?: string; references?: Reference[] }>;
}

function parseText(text: string, names: NamedTypes, what: string): Schema {
  const result = parseSchemaText(text, { validateNames: false, validateDefaults: false, names });
  if (!result.schema) {
    const first = result.diagnostics.find((d) => d.severity === 'error');
    throw new ResolutionError(`${what} is not a valid Avro schema: ${first?.message ?? 'unknown error'}`, '');
  }
  return result.schema;
}

async function defineReferences(
  source: ReferenceSource,
  references: readonly Reference[] | undefined,
  names: NamedTypes,
  seen: Set<string>,
): Promise<void> {
  for (const ref of references ?? []) {
    const key = `${ref.subject}\u0000${ref.version}`;
    if (seen.has(key) || names.has(ref.name)) continue;
    seen.add(key);
    if (!source.getSchemaByVersion)
      throw new Error(`schema references ${ref.name}, but the registry client cannot fetch it`);
    const referenced = await source.getSchemaByVersion(ref.subject, ref.version);
    await defineReferences(source, referenced.references, names, seen);
    parseText(referenced.schema, names, `referenced schema ${ref.subject} v${ref.version}`);
  }
}

/** A writer's schema by registry id, with Confluent schema references resolved (Avro only). */
export async function parseWithReferences(source: ReferenceSource, id: number): Promise<Schema> {
  const found = await source.getSchemaById(id);
  if (found.schemaType !== undefined && found.schemaType !== 'AVRO') {
    throw new Error(`schema ${id} is ${found.schemaType}, not Avro`);
  }
  const names: NamedTypes = new Map();
  await defineReferences(source, found.references, names, new Set());
  return parseText(found.schema, names, `writer schema ${id}`);
}
