import { isNamed, type Schema } from '@charter/schema';

/** The short form used inside other descriptions. */
export function shortName(schema: Schema): string {
  if (isNamed(schema)) return schema.name;
  switch (schema.type) {
    case 'union':
      return `union [${schema.branches.map(shortName).join(', ')}]`;
    case 'array':
      return `array<${shortName(schema.items)}>`;
    case 'map':
      return `map<${shortName(schema.values)}>`;
    default:
      return schema.logicalType ? `${schema.type} (${schema.logicalType.name})` : schema.type;
  }
}

/** `customer.address.zip`, or `the root` for a problem at the top of the schema. */
export function describePath(fieldPath: readonly string[]): string {
  return fieldPath.length === 0 ? 'the root' : `\`${fieldPath.join('.')}\``;
}
