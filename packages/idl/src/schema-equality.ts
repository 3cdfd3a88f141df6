import { type Field, type JsonValue, jsonEquals, type Properties, type Schema } from '@charter/schema';

function propsEqual(a: Properties, b: Properties): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || !jsonEquals(v, w)) return false;
  }
  return true;
}

function defaultsEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return jsonEquals(a, b);
}

/**
 * Avro Java's `Schema.equals`: the same types, names, properties, fields (name, type, default, order,
 * properties), symbols and sizes. Docs and aliases do not count. Avro accepts a second definition of a
 * name when it is equal to the first.
 */
export function sameSchema(a: Schema, b: Schema, seen = new Map<Schema, Set<Schema>>()): boolean {
  if (a === b) return true;
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'union': {
      const other = b as typeof a;
      return (
        a.branches.length === other.branches.length &&
        a.branches.every((x, i) => sameSchema(x, other.branches[i]!, seen))
      );
    }
    case 'array':
      return propsEqual(a.props, (b as typeof a).props) && sameSchema(a.items, (b as typeof a).items, seen);
    case 'map':
      return propsEqual(a.props, (b as typeof a).props) && sameSchema(a.values, (b as typeof a).values, seen);
    case 'enum': {
      const other = b as typeof a;
      return (
        a.fullName === other.fullName &&
        propsEqual(a.props, other.props) &&
        a.symbols.length === other.symbols.length &&
        a.symbols.every((s, i) => s === other.symbols[i])
      );
    }
    case 'fixed': {
      const other = b as typeof a;
      return a.fullName === other.fullName && a.size === other.size && propsEqual(a.props, other.props);
    }
    case 'record':
    case 'error': {
      const other = b as typeof a;
      if (a.fullName !== other.fullName || !propsEqual(a.props, other.props)) return false;
      let pairs = seen.get(a);
      if (pairs?.has(other)) return true;
      if (!pairs) {
        pairs = new Set();
        seen.set(a, pairs);
      }
      pairs.add(other);
      return (
        a.fields.length === other.fields.length &&
        a.fields.every((f, i) => sameField(f, other.fields[i]!, seen))
      );
    }
    default:
      return propsEqual(a.props, (b as typeof a).props);
  }
}

function sameField(a: Field, b: Field, seen: Map<Schema, Set<Schema>>): boolean {
  return (
    a.name === b.name &&
    a.order === b.order &&
    defaultsEqual(a.default, b.default) &&
    propsEqual(a.props, b.props) &&
    sameSchema(a.type, b.type, seen)
  );
}
