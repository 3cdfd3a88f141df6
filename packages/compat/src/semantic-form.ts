import { parsingCanonicalForm, type Schema } from '@charter/schema';

/**
 * What a schema means to readers beyond its Parsing Canonical Form: full names, structure, field
 * defaults, enum defaults and logical types. Docs, aliases, `order` and custom properties are left
 * out: a change confined to them is a patch.
 */
export function semanticForm(schema: Schema): string {
  return parsingCanonicalForm(schema, { defaults: true, logicalTypes: true, errorTypes: true });
}
