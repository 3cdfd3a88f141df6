import { isNamed, type JsonValue, type LogicalType, type Schema, stringifyJson } from '@charter/schema';

function logical(t: LogicalType): string {
  return t.name === 'decimal' ? `decimal(${t.precision},${t.scale})` : t.name;
}

/**
 * A type in the words a changelog reader expects: `string (uuid)`, `optional string`, `record Customer`,
 * `array of LineItem`, `map of string`, `optional CardPayment, BankTransfer or Wallet`. Named types say
 * what they are at the top and in an optional, and are named bare inside arrays, maps and unions.
 */
export function typeWords(schema: Schema, nested = false): string {
  if (isNamed(schema))
    return nested ? schema.name : `${schema.type === 'error' ? 'error' : schema.type} ${schema.name}`;
  switch (schema.type) {
    case 'union': {
      const others = schema.branches.filter((b) => b.type !== 'null');
      const optional = others.length < schema.branches.length;
      const inner =
        others.length === 1
          ? typeWords(others[0]!, nested)
          : others.length === 0
            ? 'null'
            : `${others
                .slice(0, -1)
                .map((b) => typeWords(b, true))
                .join(', ')} or ${typeWords(others.at(-1)!, true)}`;
      return optional && others.length > 0 ? `optional ${inner}` : inner;
    }
    case 'array':
      return `array of ${typeWords(schema.items, true)}`;
    case 'map':
      return `map of ${typeWords(schema.values, true)}`;
    default:
      return schema.logicalType ? `${schema.type} (${logical(schema.logicalType)})` : schema.type;
  }
}

/** A default value as it reads in Avro JSON, in backticks: `` `null` ``, `` `"WEB"` ``, `` `{}` ``. */
export function defaultWords(value: JsonValue): string {
  return `\`${stringifyJson(value)}\``;
}

/** A doc comment on one line (whitespace runs folded), or undefined when empty. */
export function docWords(doc: string | undefined): string | undefined {
  const text = doc?.trim().replace(/\s+/g, ' ');
  return text ? text : undefined;
}
