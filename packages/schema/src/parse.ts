import { type Diagnostic, DiagnosticError, hasErrors } from '@charter/diagnostics';
import { SchemaCode } from './codes.js';
import { describeJson, isValidDefault } from './defaults.js';
import { appendPointer } from './json-pointer.js';
import { isJsonObject, type JsonObject, type JsonValue, toJsonValue } from './json-value.js';
import { checkLogicalType } from './logical-types.js';
import type {
  EnumSchema,
  Field,
  FieldOrder,
  FixedSchema,
  LogicalType,
  NamedSchema,
  PrimitiveTypeName,
  Properties,
  RecordSchema,
  Schema,
} from './model.js';
import { PRIMITIVE_TYPES } from './model.js';
import { isValidName, isValidNamespace, type QualifiedName, qualifyName } from './names.js';
import { type JsonSourceMap, parseJsonWithPositions } from './positioned-json.js';
import { ENUM_RESERVED, FIELD_RESERVED, SCHEMA_RESERVED } from './reserved.js';

/** Named types known by full name; shared across parses to resolve references between schemas. */
export type NamedTypes = Map<string, NamedSchema>;

export interface ParseOptions {
  /** The file name for diagnostics. */
  file?: string;
  /** Where each JSON node is, when the JSON came from text (see `parseSchemaText`). */
  sourceMap?: JsonSourceMap;
  /** Check names against Avro's rules (default true; Confluent parses stored versions without). */
  validateNames?: boolean;
  /** Check field defaults against their types (default true). */
  validateDefaults?: boolean;
  /** Named types already defined, e.g. by referenced or imported schemas. New ones are added to it. */
  names?: NamedTypes;
  /** The enclosing namespace for names without one. */
  namespace?: string;
}

export interface ParseResult {
  schema: Schema | undefined;
  /** Every named type the schema defines, by full name, in definition order. */
  names: NamedTypes;
  diagnostics: Diagnostic[];
}

const ORDERS = new Set<FieldOrder>(['ascending', 'descending', 'ignore']);

class SchemaParser {
  readonly diagnostics: Diagnostic[] = [];
  readonly names: NamedTypes;
  readonly defined: NamedTypes = new Map();
  private readonly validateNames: boolean;
  private readonly validateDefaults: boolean;

  constructor(private readonly options: ParseOptions) {
    this.names = options.names ?? new Map();
    this.validateNames = options.validateNames ?? true;
    this.validateDefaults = options.validateDefaults ?? true;
  }

  report(
    code: string,
    pointer: string,
    message: string,
    severity: Diagnostic['severity'] = 'error',
    hint?: string,
  ) {
    const d: Diagnostic = { code, severity, message, path: pointer === '' ? '/' : pointer };
    if (this.options.file !== undefined) d.file = this.options.file;
    const range = this.options.sourceMap?.locate(pointer);
    if (range) d.range = range;
    if (hint) d.hint = hint;
    this.diagnostics.push(d);
  }

  parse(node: JsonValue, pointer: string, namespace: string | undefined): Schema {
    if (typeof node === 'string') return this.reference(node, pointer, namespace);
    if (Array.isArray(node)) return this.union(node, pointer, namespace);
    if (!isJsonObject(node)) {
      this.report(
        SchemaCode.InvalidAttribute,
        pointer,
        `a schema must be a string, an object or an array, not ${describeJson(node)}`,
      );
      return placeholder();
    }
    const type = node.type;
    if (typeof type !== 'string') {
      this.report(
        SchemaCode.MissingAttribute,
        type === undefined ? pointer : appendPointer(pointer, 'type'),
        'a schema object needs a "type" string',
      );
      return placeholder();
    }
    if (PRIMITIVE_TYPES.has(type)) {
      const props = this.properties(node, SCHEMA_RESERVED);
      const schema = { type: type as PrimitiveTypeName, props };
      return this.withLogicalType(schema, type as PrimitiveTypeName, pointer);
    }
    switch (type) {
      case 'record':
      case 'error':
        return this.record(node, type, pointer, namespace);
      case 'enum':
        return this.enum(node, pointer, namespace);
      case 'fixed':
        return this.fixed(node, pointer, namespace);
      case 'array': {
        if (node.items === undefined) {
          this.report(SchemaCode.MissingAttribute, pointer, 'an array schema needs "items"');
          return placeholder();
        }
        const items = this.parse(node.items, appendPointer(pointer, 'items'), namespace);
        return { type: 'array', items, props: this.properties(node, SCHEMA_RESERVED) };
      }
      case 'map': {
        if (node.values === undefined) {
          this.report(SchemaCode.MissingAttribute, pointer, 'a map schema needs "values"');
          return placeholder();
        }
        const values = this.parse(node.values, appendPointer(pointer, 'values'), namespace);
        return { type: 'map', values, props: this.properties(node, SCHEMA_RESERVED) };
      }
      default: {
        const found = this.lookup(type, namespace);
        if (found) return found;
        this.report(SchemaCode.UnknownType, appendPointer(pointer, 'type'), `unknown type: ${type}`);
        return placeholder();
      }
    }
  }

  private lookup(name: string, namespace: string | undefined): NamedSchema | undefined {
    return this.names.get(qualifyName(name, namespace).fullName) ?? this.names.get(name);
  }

  private reference(name: string, pointer: string, namespace: string | undefined): Schema {
    if (PRIMITIVE_TYPES.has(name)) return { type: name as PrimitiveTypeName, props: new Map() };
    const found = this.lookup(name, namespace);
    if (found) return found;
    this.report(SchemaCode.UndefinedName, pointer, `undefined name: ${JSON.stringify(name)}`);
    return placeholder();
  }

  private union(nodes: JsonValue[], pointer: string, namespace: string | undefined): Schema {
    const branches: Schema[] = [];
    const seen = new Set<string>();
    nodes.forEach((node, i) => {
      const at = appendPointer(pointer, i);
      const branch = this.parse(node, at, namespace);
      if (branch.type === 'union') {
        this.report(SchemaCode.InvalidUnion, at, 'a union may not directly contain another union');
        return;
      }
      const key = 'fullName' in branch ? branch.fullName : branch.type;
      if (seen.has(key)) this.report(SchemaCode.InvalidUnion, at, `duplicate in union: ${key}`);
      seen.add(key);
      branches.push(branch);
    });
    return { type: 'union', branches };
  }

  private properties(node: JsonObject, reserved: ReadonlySet<string>): Properties {
    let props: Properties | undefined;
    for (const key in node) {
      if (reserved.has(key)) continue;
      props ??= new Map();
      props.set(key, node[key]!);
    }
    return props ?? new Map();
  }

  private withLogicalType<T extends { props: Properties; logicalType?: LogicalType }>(
    schema: T,
    type: PrimitiveTypeName | 'fixed',
    pointer: string,
    size?: number,
  ): T {
    const check = checkLogicalType(type, schema.props, size);
    if (check.logicalType) schema.logicalType = check.logicalType;
    if (check.problem) {
      this.report(
        SchemaCode.IgnoredLogicalType,
        appendPointer(pointer, 'logicalType'),
        `logical type ignored: ${check.problem}`,
        'warning',
      );
    }
    return schema;
  }

  private qualified(
    node: JsonObject,
    pointer: string,
    namespace: string | undefined,
  ): QualifiedName | undefined {
    const name = node.name;
    if (typeof name !== 'string') {
      this.report(
        SchemaCode.MissingAttribute,
        name === undefined ? pointer : appendPointer(pointer, 'name'),
        `a ${String(node.type)} needs a "name" string`,
      );
      return undefined;
    }
    let space = namespace;
    if (node.namespace !== undefined) {
      if (typeof node.namespace !== 'string') {
        this.report(
          SchemaCode.InvalidAttribute,
          appendPointer(pointer, 'namespace'),
          '"namespace" must be a string',
        );
      } else space = node.namespace;
    }
    const q = qualifyName(name, space);
    if (this.validateNames) {
      if (!isValidName(q.name)) {
        this.report(
          SchemaCode.InvalidName,
          appendPointer(pointer, 'name'),
          `invalid name: ${JSON.stringify(q.name)}`,
          'error',
          'a name starts with a letter or _, then letters, digits or _',
        );
      }
      if (q.namespace !== undefined && !isValidNamespace(q.namespace)) {
        const at = name.includes('.') ? 'name' : 'namespace';
        this.report(
          SchemaCode.InvalidName,
          appendPointer(pointer, at),
          `invalid namespace: ${JSON.stringify(q.namespace)}`,
        );
      }
    }
    if (q.namespace === undefined && PRIMITIVE_TYPES.has(q.name)) {
      this.report(
        SchemaCode.PrimitiveName,
        appendPointer(pointer, 'name'),
        `a named type may not be named after a primitive: ${q.name}`,
      );
    }
    return q;
  }

  private define(schema: NamedSchema, pointer: string): void {
    if (this.names.has(schema.fullName)) {
      this.report(
        SchemaCode.RedefinedName,
        appendPointer(pointer, 'name'),
        `redefined name: ${schema.fullName}`,
      );
      return;
    }
    this.names.set(schema.fullName, schema);
    this.defined.set(schema.fullName, schema);
  }

  /** Sets what every named type has; fixed hidden-class order first, `doc` only when present. */
  private named<T extends NamedSchema>(node: JsonObject, schema: T): T {
    if (typeof node.doc === 'string') schema.doc = node.doc;
    return schema;
  }

  private aliases(
    node: JsonObject,
    pointer: string,
    namespace: string | undefined,
    qualify: boolean,
  ): string[] {
    const value = node.aliases;
    if (value === undefined) return [];
    const at = appendPointer(pointer, 'aliases');
    if (!Array.isArray(value)) {
      this.report(SchemaCode.InvalidAliases, at, '"aliases" must be an array of strings');
      return [];
    }
    const out: string[] = [];
    value.forEach((alias, i) => {
      if (typeof alias !== 'string') {
        this.report(SchemaCode.InvalidAliases, appendPointer(at, i), 'an alias must be a string');
        return;
      }
      out.push(qualify ? qualifyName(alias, namespace).fullName : alias);
    });
    return out;
  }

  private record(
    node: JsonObject,
    type: 'record' | 'error',
    pointer: string,
    namespace: string | undefined,
  ): Schema {
    const q = this.qualified(node, pointer, namespace);
    if (!q) return placeholder();
    const record = this.named<RecordSchema>(node, {
      type,
      name: q.name,
      namespace: q.namespace,
      fullName: q.fullName,
      aliases: this.aliases(node, pointer, q.namespace, true),
      fields: [],
      props: this.properties(node, SCHEMA_RESERVED),
    });
    this.define(record, pointer);
    const fieldsNode = node.fields;
    if (!Array.isArray(fieldsNode)) {
      this.report(
        SchemaCode.MissingAttribute,
        fieldsNode === undefined ? pointer : appendPointer(pointer, 'fields'),
        'a record needs a "fields" array',
      );
      return record;
    }
    const seen = new Set<string>();
    fieldsNode.forEach((fieldNode, i) => {
      const field = this.field(
        fieldNode,
        appendPointer(pointer, 'fields', i),
        q.namespace,
        record.fields.length,
      );
      if (!field) return;
      if (seen.has(field.name)) {
        this.report(
          SchemaCode.DuplicateField,
          appendPointer(pointer, 'fields', i, 'name'),
          `duplicate field ${field.name} in record ${record.fullName}`,
        );
        return;
      }
      seen.add(field.name);
      record.fields.push(field);
    });
    return record;
  }

  private field(
    node: JsonValue,
    pointer: string,
    namespace: string | undefined,
    position: number,
  ): Field | undefined {
    if (!isJsonObject(node)) {
      this.report(SchemaCode.InvalidAttribute, pointer, 'a field must be an object');
      return undefined;
    }
    if (typeof node.name !== 'string') {
      this.report(
        SchemaCode.MissingAttribute,
        node.name === undefined ? pointer : appendPointer(pointer, 'name'),
        'a field needs a "name" string',
      );
      return undefined;
    }
    if (this.validateNames && !isValidName(node.name)) {
      this.report(
        SchemaCode.InvalidName,
        appendPointer(pointer, 'name'),
        `invalid field name: ${JSON.stringify(node.name)}`,
      );
    }
    if (node.type === undefined) {
      this.report(SchemaCode.MissingAttribute, pointer, `field ${node.name} needs a "type"`);
      return undefined;
    }
    const type = this.parse(node.type, appendPointer(pointer, 'type'), namespace);
    let order: FieldOrder = 'ascending';
    if (node.order !== undefined) {
      if (typeof node.order === 'string' && ORDERS.has(node.order.toLowerCase() as FieldOrder))
        order = node.order.toLowerCase() as FieldOrder;
      else
        this.report(
          SchemaCode.InvalidOrder,
          appendPointer(pointer, 'order'),
          `invalid order ${describeJson(node.order)}: expected ascending, descending or ignore`,
        );
    }
    const field: Field = {
      name: node.name,
      type,
      order,
      aliases: this.aliases(node, pointer, undefined, false),
      props: this.properties(node, FIELD_RESERVED),
      position,
    };
    if (typeof node.doc === 'string') field.doc = node.doc;
    if (node.default !== undefined) {
      field.default = node.default;
      if (this.validateDefaults && !isValidDefault(type, node.default)) {
        this.report(
          SchemaCode.InvalidDefault,
          appendPointer(pointer, 'default'),
          `invalid default for field ${node.name}: ${describeJson(node.default)} is not a valid ${describeType(type)}`,
        );
      }
    }
    return field;
  }

  private enum(node: JsonObject, pointer: string, namespace: string | undefined): Schema {
    const q = this.qualified(node, pointer, namespace);
    if (!q) return placeholder();
    const schema = this.named<EnumSchema>(node, {
      type: 'enum',
      name: q.name,
      namespace: q.namespace,
      fullName: q.fullName,
      aliases: this.aliases(node, pointer, q.namespace, true),
      symbols: [],
      props: this.properties(node, ENUM_RESERVED),
    });
    this.define(schema, pointer);
    if (!Array.isArray(node.symbols)) {
      this.report(SchemaCode.MissingAttribute, pointer, 'an enum needs a "symbols" array');
      return schema;
    }
    const seen = new Set<string>();
    node.symbols.forEach((symbol, i) => {
      const at = appendPointer(pointer, 'symbols', i);
      if (typeof symbol !== 'string') {
        this.report(SchemaCode.InvalidAttribute, at, 'an enum symbol must be a string');
        return;
      }
      if (this.validateNames && !isValidName(symbol)) {
        this.report(SchemaCode.InvalidName, at, `invalid enum symbol: ${JSON.stringify(symbol)}`);
      }
      if (seen.has(symbol)) {
        this.report(SchemaCode.DuplicateSymbol, at, `duplicate enum symbol: ${symbol}`);
        return;
      }
      seen.add(symbol);
      schema.symbols.push(symbol);
    });
    if (node.default !== undefined) {
      if (typeof node.default === 'string' && seen.has(node.default)) schema.default = node.default;
      else {
        this.report(
          SchemaCode.InvalidEnumDefault,
          appendPointer(pointer, 'default'),
          `the enum default ${describeJson(node.default)} is not one of the symbols of ${schema.fullName}`,
        );
      }
    }
    return schema;
  }

  private fixed(node: JsonObject, pointer: string, namespace: string | undefined): Schema {
    const q = this.qualified(node, pointer, namespace);
    if (!q) return placeholder();
    const size = node.size;
    const valid = typeof size === 'number' && Number.isInteger(size) && size >= 0 && size < 2 ** 31;
    if (!valid)
      this.report(
        SchemaCode.InvalidSize,
        size === undefined ? pointer : appendPointer(pointer, 'size'),
        'a fixed needs a non-negative int "size"',
      );
    const schema = this.named<FixedSchema>(node, {
      type: 'fixed',
      name: q.name,
      namespace: q.namespace,
      fullName: q.fullName,
      aliases: this.aliases(node, pointer, q.namespace, true),
      size: valid ? size : 0,
      props: this.properties(node, SCHEMA_RESERVED),
    });
    this.define(schema, pointer);
    return this.withLogicalType(schema, 'fixed', pointer, schema.size);
  }
}

function placeholder(): Schema {
  return { type: 'null', props: new Map() };
}

function describeType(schema: Schema): string {
  if (schema.type === 'union')
    return `value of any branch of [${schema.branches.map(describeType).join(', ')}]`;
  return 'fullName' in schema ? schema.fullName : schema.type;
}

/** Parses a schema given as a JSON value (from `JSON.parse` or the positioned parser). */
export function parseSchema(json: unknown, options: ParseOptions = {}): ParseResult {
  const parser = new SchemaParser(options);
  const value = toJsonValue(json);
  if (value === undefined) {
    parser.report(SchemaCode.InvalidJson, '', 'not a JSON value');
    return { schema: undefined, names: parser.defined, diagnostics: parser.diagnostics };
  }
  const schema = parser.parse(value, '', options.namespace);
  return {
    schema: hasErrors(parser.diagnostics) ? undefined : schema,
    names: parser.defined,
    diagnostics: parser.diagnostics,
  };
}

/** Parses a schema from .avsc text; diagnostics carry line and column. */
export function parseSchemaText(text: string, options: Omit<ParseOptions, 'sourceMap'> = {}): ParseResult {
  const json = parseJsonWithPositions(text, options.file);
  if (json.value === undefined) return { schema: undefined, names: new Map(), diagnostics: json.diagnostics };
  return parseSchema(json.value, { ...options, sourceMap: json.sourceMap });
}

/** Parses a schema or throws a `DiagnosticError` whose diagnostics carry the JSON pointer of each bad node. */
export function loadSchema(json: unknown, options: ParseOptions = {}): Schema {
  const result = parseSchema(json, options);
  if (!result.schema) throw new DiagnosticError(result.diagnostics);
  return result.schema;
}
