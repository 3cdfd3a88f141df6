import type { Range } from '@charter/diagnostics';
import {
  appendPointer,
  isJsonObject,
  type JsonSourceMap,
  type JsonValue,
  parseJsonWithPositions,
  qualifyName,
} from '@charter/schema';

/** A named type, optionally one of its fields or enum symbols, to find in the source. */
export interface SourceTarget {
  /** Full name of the named type. */
  type: string;
  field?: string;
  symbol?: string;
}

export interface SourceLocation {
  file: string;
  range: Range;
}

/**
 * Finds where a type, field or symbol is written. The IDL compiler's source map has this shape, and
 * `avscSourceLocator` makes one for a .avsc file.
 */
export interface SourceLocator {
  locate(target: SourceTarget): SourceLocation | undefined;
}

interface Definitions {
  types: Map<string, string>;
  fields: Map<string, Map<string, string>>;
  symbols: Map<string, Map<string, string>>;
}

/** Records the pointer of every named type definition, its fields and symbols, resolving namespaces. */
function collect(node: JsonValue, pointer: string, namespace: string | undefined, defs: Definitions): void {
  if (Array.isArray(node)) {
    node.forEach((branch, i) => {
      collect(branch, appendPointer(pointer, i), namespace, defs);
    });
    return;
  }
  if (!isJsonObject(node)) return;
  const { type } = node;
  if (typeof type !== 'string') {
    if (type !== undefined) collect(type, appendPointer(pointer, 'type'), namespace, defs);
    return;
  }
  if (type === 'array' && node.items !== undefined)
    collect(node.items, appendPointer(pointer, 'items'), namespace, defs);
  if (type === 'map' && node.values !== undefined)
    collect(node.values, appendPointer(pointer, 'values'), namespace, defs);
  if (typeof node.name !== 'string' || !['record', 'error', 'enum', 'fixed'].includes(type)) return;
  const space = typeof node.namespace === 'string' ? node.namespace : namespace;
  const q = qualifyName(node.name, space);
  defs.types.set(q.fullName, appendPointer(pointer, 'name'));
  if (Array.isArray(node.symbols)) {
    const symbols = new Map<string, string>();
    node.symbols.forEach((s, i) => {
      if (typeof s === 'string') symbols.set(s, appendPointer(pointer, 'symbols', i));
    });
    defs.symbols.set(q.fullName, symbols);
  }
  if (Array.isArray(node.fields)) {
    const fields = new Map<string, string>();
    node.fields.forEach((f, i) => {
      const at = appendPointer(pointer, 'fields', i);
      if (!isJsonObject(f)) return;
      if (typeof f.name === 'string') fields.set(f.name, appendPointer(at, 'name'));
      if (f.type !== undefined) collect(f.type, appendPointer(at, 'type'), q.namespace, defs);
    });
    defs.fields.set(q.fullName, fields);
  }
}

/** A `SourceLocator` over JSON schema text that has a source map (see `parseJsonWithPositions`). */
function jsonSourceLocator(value: JsonValue, sourceMap: JsonSourceMap, file: string): SourceLocator {
  const defs: Definitions = { types: new Map(), fields: new Map(), symbols: new Map() };
  collect(value, '', undefined, defs);
  return {
    locate(target) {
      let pointer = defs.types.get(target.type);
      if (pointer === undefined) return undefined;
      if (target.field !== undefined) pointer = defs.fields.get(target.type)?.get(target.field) ?? pointer;
      else if (target.symbol !== undefined)
        pointer = defs.symbols.get(target.type)?.get(target.symbol) ?? pointer;
      const range = sourceMap.locate(pointer);
      return range ? { file, range } : undefined;
    },
  };
}

/** A `SourceLocator` for the text of a .avsc file; undefined when the text is not JSON. */
export function avscSourceLocator(text: string, file: string): SourceLocator | undefined {
  const parsed = parseJsonWithPositions(text, file);
  if (parsed.value === undefined) return undefined;
  return jsonSourceLocator(parsed.value, parsed.sourceMap, file);
}
