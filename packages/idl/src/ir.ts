import type { FieldOrder, JsonValue, NamedTypeName, PrimitiveTypeName } from '@charter/schema';
import type { Loc } from './source.js';

/**
 * The compiler's intermediate form, shared by IDL files and imported .avsc/.avpr files: type expressions
 * whose references are full names, resolved only once every file is read (forward references).
 */

/** Properties in the order they were set; a later annotation with the same name replaces the value. */
export type Props = Map<string, JsonValue>;

/** Properties shared by many types (none at all, or those of a logical type keyword): read-only. */
class SharedProps extends Map<string, JsonValue> {
  private sealed = false;

  constructor(entries: [string, JsonValue][]) {
    super(entries);
    this.sealed = true;
  }

  override set(key: string, value: JsonValue): this {
    if (this.sealed) throw new TypeError('the properties of a compiled schema are read-only');
    return super.set(key, value);
  }

  override delete(): boolean {
    throw new TypeError('the properties of a compiled schema are read-only');
  }

  override clear(): void {
    throw new TypeError('the properties of a compiled schema are read-only');
  }
}

/** Read-only properties, for sharing between the types of a compilation. */
export function sharedProps(entries: [string, JsonValue][]): Props {
  return new SharedProps(entries);
}

export const EMPTY_PROPS: Props = sharedProps([]);

export type TypeNode =
  | { kind: 'primitive'; type: PrimitiveTypeName; props: Props; loc: Loc }
  /** `fallback`: JSON files also look a simple name up in the null namespace. */
  | { kind: 'ref'; fullName: string; fallback?: string; loc: Loc }
  | { kind: 'array'; items: TypeNode; props: Props; loc: Loc }
  | { kind: 'map'; values: TypeNode; props: Props; loc: Loc }
  /** `optional` marks the `T?` shorthand: `[null, T]`, reordered by a field's default. */
  | { kind: 'union'; branches: TypeNode[]; loc: Loc; optional?: boolean }
  /** A named type defined inline (in JSON files). */
  | { kind: 'decl'; decl: NamedDecl };

export interface FieldDecl {
  name: string;
  loc: Loc;
  type: TypeNode;
  doc?: string;
  default?: JsonValue;
  defaultLoc?: Loc;
  order: FieldOrder;
  aliases: string[];
  props: Props;
}

export interface SymbolDecl {
  name: string;
  loc: Loc;
}

export interface NamedDecl {
  kind: NamedTypeName;
  name: string;
  namespace: string | undefined;
  fullName: string;
  /** Where the name is written. */
  loc: Loc;
  doc?: string;
  /** Full names. */
  aliases: string[];
  props: Props;
  fields: FieldDecl[];
  symbols: SymbolDecl[];
  enumDefault?: SymbolDecl;
  size: number;
}

export interface MessageDecl {
  name: string;
  loc: Loc;
  doc?: string;
  props: Props;
  request: FieldDecl[];
  response: TypeNode;
  errors: TypeNode[];
  oneWay: boolean;
}

export interface ProtocolHeader {
  name: string;
  namespace: string | undefined;
  doc?: string;
  props: Props;
  loc: Loc;
}

export type ImportKind = 'idl' | 'protocol' | 'schema';

/** One top-level item of an IDL file, in the order written (the order matters for imports). */
export type Item =
  | { kind: 'import'; importKind: ImportKind; path: string; loc: Loc }
  | { kind: 'type'; decl: NamedDecl }
  | { kind: 'message'; message: MessageDecl }
  /** `schema T;` of a schema-mode file: when T names a type, Avro lists it at this point. */
  | { kind: 'main'; type: TypeNode };

export interface IdlFileAst {
  protocol?: ProtocolHeader;
  /** Schema mode: `namespace a.b;`. */
  namespace?: string;
  mainSchema?: TypeNode;
  items: Item[];
}
