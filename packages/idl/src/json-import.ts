import {
  appendPointer,
  checkLogicalType,
  isJsonObject,
  JsonDouble,
  type JsonObject,
  type JsonSourceMap,
  type JsonValue,
  PRIMITIVE_TYPES,
  type PrimitiveTypeName,
  parseJsonWithPositions,
} from '@charter/schema';
import { RESERVED } from './annotations.js';
import { IdlCode } from './codes.js';
import type { FieldDecl, MessageDecl, NamedDecl, Props, TypeNode } from './ir.js';
import { parseFloatLiteral } from './literals.js';
import { isAvroName, namespaceProblem, splitIdentifier } from './names.js';
import type { Loc, Reporter, SourceFile } from './source.js';

/** Thrown to abandon an imported file after its first structural error, as Avro's parser does. */
class JsonImportAbort extends Error {}

const ORDERS = new Set(['ASCENDING', 'DESCENDING', 'IGNORE']);

/**
 * Reads imported .avsc and .avpr files into the compiler's intermediate form, with the rules of Avro
 * 1.12's JSON parser: `type` must be a string, named types take the enclosing namespace, a simple
 * reference falls back to the null namespace, a float default written as a string becomes a number.
 */
class JsonConverter {
  readonly decls: NamedDecl[] = [];

  constructor(
    private readonly source: SourceFile,
    private readonly map: JsonSourceMap,
    private readonly reporter: Reporter,
  ) {}

  loc(pointer: string): Loc {
    let p = pointer;
    for (;;) {
      const span = this.map.spanOf(p);
      if (span) return { source: this.source, start: span[0], end: span[1] };
      if (p === '') return { source: this.source, start: 0, end: 0 };
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }

  fail(message: string, pointer: string): never {
    this.reporter.error(IdlCode.InvalidImport, message, this.loc(pointer));
    throw new JsonImportAbort();
  }

  private text(node: JsonObject, key: string): string | undefined {
    const v = node[key];
    return typeof v === 'string' ? v : undefined;
  }

  private props(node: JsonObject, reserved: ReadonlySet<string>): Props {
    const props: Props = new Map();
    for (const [k, v] of Object.entries(node)) if (!reserved.has(k)) props.set(k, v);
    return props;
  }

  private aliases(node: JsonObject, pointer: string): string[] {
    const value = node.aliases;
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail('"aliases" must be an array', appendPointer(pointer, 'aliases'));
    value.forEach((a, i) => {
      if (typeof a !== 'string') this.fail('an alias must be a string', appendPointer(pointer, 'aliases', i));
    });
    return [...new Set(value as string[])];
  }

  schema(node: JsonValue, pointer: string, namespace: string | undefined): TypeNode {
    const loc = this.loc(pointer);
    if (typeof node === 'string') {
      if (PRIMITIVE_TYPES.has(node))
        return { kind: 'primitive', type: node as PrimitiveTypeName, props: new Map(), loc };
      const fullName = node.includes('.') || !namespace ? node : `${namespace}.${node}`;
      return fullName === node
        ? { kind: 'ref', fullName, loc }
        : { kind: 'ref', fullName, fallback: node, loc };
    }
    if (Array.isArray(node)) {
      return {
        kind: 'union',
        branches: node.map((b, i) => this.schema(b, appendPointer(pointer, i), namespace)),
        loc,
      };
    }
    if (!isJsonObject(node)) this.fail('a schema must be a string, an object or an array', pointer);
    const type = this.text(node, 'type');
    if (type === undefined) {
      this.fail(
        'a schema object needs a "type" string',
        node.type === undefined ? pointer : appendPointer(pointer, 'type'),
      );
    }
    if (PRIMITIVE_TYPES.has(type)) {
      const props = this.props(node, RESERVED.schema);
      this.checkLogical(type as PrimitiveTypeName, props, undefined, pointer);
      return { kind: 'primitive', type: type as PrimitiveTypeName, props, loc };
    }
    switch (type) {
      case 'record':
      case 'error':
        return { kind: 'decl', decl: this.record(node, type, pointer, namespace) };
      case 'enum':
        return { kind: 'decl', decl: this.enumSchema(node, pointer, namespace) };
      case 'fixed':
        return { kind: 'decl', decl: this.fixed(node, pointer, namespace) };
      case 'array':
        if (node.items === undefined) this.fail('an array schema needs "items"', pointer);
        return {
          kind: 'array',
          items: this.schema(node.items, appendPointer(pointer, 'items'), namespace),
          props: this.props(node, RESERVED.schema),
          loc,
        };
      case 'map':
        if (node.values === undefined) this.fail('a map schema needs "values"', pointer);
        return {
          kind: 'map',
          values: this.schema(node.values, appendPointer(pointer, 'values'), namespace),
          props: this.props(node, RESERVED.schema),
          loc,
        };
      default:
        // {"type": "Name"} refers to a named type, as Avro 1.12.0 and 1.12.1 read it (1.12.2 refuses it).
        return this.schema(type, appendPointer(pointer, 'type'), namespace);
    }
  }

  private checkLogical(
    type: PrimitiveTypeName | 'fixed',
    props: Props,
    size: number | undefined,
    pointer: string,
  ) {
    if (!props.has('logicalType')) return;
    const check = checkLogicalType(type, props, size);
    if (check.problem) {
      this.reporter.warning(
        IdlCode.IgnoredLogicalType,
        `logical type ignored: ${check.problem}`,
        this.loc(appendPointer(pointer, 'logicalType')),
      );
    }
  }

  private named(
    node: JsonObject,
    kind: NamedDecl['kind'],
    pointer: string,
    namespace: string | undefined,
  ): NamedDecl {
    const name = this.text(node, 'name');
    if (name === undefined) this.fail(`a ${kind} needs a "name" string`, pointer);
    const q = splitIdentifier(name, this.text(node, 'namespace') ?? namespace);
    const nameLoc = this.loc(appendPointer(pointer, 'name'));
    if (!isAvroName(q.name)) {
      this.reporter.error(
        IdlCode.InvalidName,
        `invalid name "${q.name}": a name starts with a letter or _, then letters, digits or _`,
        nameLoc,
      );
    }
    const problem = q.namespace === undefined ? undefined : namespaceProblem(q.namespace);
    if (problem) this.reporter.error(IdlCode.InvalidName, problem, nameLoc);
    const decl: NamedDecl = {
      kind,
      name: q.name,
      namespace: q.namespace,
      fullName: q.fullName,
      loc: nameLoc,
      aliases: this.aliases(node, pointer).map((a) => splitIdentifier(a, q.namespace).fullName),
      props: this.props(node, kind === 'enum' ? RESERVED.enum : RESERVED.schema),
      fields: [],
      symbols: [],
      size: 0,
    };
    const doc = this.text(node, 'doc');
    if (doc !== undefined) decl.doc = doc;
    return decl;
  }

  private record(
    node: JsonObject,
    kind: 'record' | 'error',
    pointer: string,
    namespace: string | undefined,
  ): NamedDecl {
    const decl = this.named(node, kind, pointer, namespace);
    const fields = node.fields;
    if (!Array.isArray(fields)) {
      this.fail(
        'a record needs a "fields" array',
        fields === undefined ? pointer : appendPointer(pointer, 'fields'),
      );
    }
    decl.fields = fields.map((f, i) => this.field(f, appendPointer(pointer, 'fields', i), decl.namespace));
    this.decls.push(decl);
    return decl;
  }

  field(node: JsonValue, pointer: string, namespace: string | undefined): FieldDecl {
    if (!isJsonObject(node)) this.fail('a field must be an object', pointer);
    const name = this.text(node, 'name');
    if (name === undefined) this.fail('a field needs a "name" string', pointer);
    if (node.type === undefined) this.fail(`field ${name} needs a "type"`, pointer);
    const type = this.schema(node.type, appendPointer(pointer, 'type'), namespace);
    let order: FieldDecl['order'] = 'ascending';
    if (node.order !== undefined) {
      const o = typeof node.order === 'string' ? node.order.toUpperCase() : '';
      if (!ORDERS.has(o))
        this.fail('"order" must be "ascending", "descending" or "ignore"', appendPointer(pointer, 'order'));
      order = o.toLowerCase() as FieldDecl['order'];
    }
    const field: FieldDecl = {
      name,
      loc: this.loc(appendPointer(pointer, 'name')),
      type,
      order,
      aliases: this.aliases(node, pointer),
      props: this.props(node, RESERVED.field),
    };
    const doc = this.text(node, 'doc');
    if (doc !== undefined) field.doc = doc;
    let value = node.default;
    if (value !== undefined) {
      const defaultPointer = appendPointer(pointer, 'default');
      if (
        type.kind === 'primitive' &&
        (type.type === 'float' || type.type === 'double') &&
        typeof value === 'string'
      ) {
        const n =
          /^\s*[+-]?(NaN|Infinity|[0-9.]+([eE][+-]?[0-9]+)?[fFdD]?|0[xX][0-9a-fA-F.]+[pP][+-]?[0-9]+[fFdD]?)\s*$/.test(
            value,
          )
            ? parseFloatLiteral(value.trim())
            : undefined;
        if (n === undefined || (Number.isNaN(n) && !/NaN/.test(value))) {
          this.fail(`default ${JSON.stringify(value)} of field ${name} is not a number`, defaultPointer);
        }
        value = new JsonDouble(n);
      }
      field.default = value;
      field.defaultLoc = this.loc(defaultPointer);
    }
    return field;
  }

  private enumSchema(node: JsonObject, pointer: string, namespace: string | undefined): NamedDecl {
    const decl = this.named(node, 'enum', pointer, namespace);
    const symbols = node.symbols;
    if (!Array.isArray(symbols)) {
      this.fail(
        'an enum needs a "symbols" array',
        symbols === undefined ? pointer : appendPointer(pointer, 'symbols'),
      );
    }
    decl.symbols = symbols.map((s, i) => {
      const at = appendPointer(pointer, 'symbols', i);
      if (typeof s !== 'string') this.fail('an enum symbol must be a string', at);
      return { name: s, loc: this.loc(at) };
    });
    const d = node.default;
    if (d !== undefined) {
      if (typeof d !== 'string')
        this.fail('an enum default must be a string', appendPointer(pointer, 'default'));
      decl.enumDefault = { name: d, loc: this.loc(appendPointer(pointer, 'default')) };
    }
    this.decls.push(decl);
    return decl;
  }

  private fixed(node: JsonObject, pointer: string, namespace: string | undefined): NamedDecl {
    const decl = this.named(node, 'fixed', pointer, namespace);
    const size = node.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < -(2 ** 31) || size >= 2 ** 31) {
      this.fail('a fixed needs an int "size"', size === undefined ? pointer : appendPointer(pointer, 'size'));
    }
    if (size < 0) {
      this.reporter.error(
        IdlCode.InvalidFixedSize,
        `invalid fixed size ${size}: it must not be negative`,
        this.loc(appendPointer(pointer, 'size')),
      );
    }
    decl.size = Math.max(0, size);
    this.checkLogical('fixed', decl.props, decl.size, pointer);
    this.decls.push(decl);
    return decl;
  }
}

export interface ImportedSchemas {
  /** Named types in the order Avro's JSON parser defines them (a record after its fields' types). */
  decls: NamedDecl[];
  messages: MessageDecl[];
}

function parseText(
  source: SourceFile,
  reporter: Reporter,
): { value: JsonValue; map: JsonSourceMap } | undefined {
  const json = parseJsonWithPositions(source.text, source.path);
  for (const d of json.diagnostics) {
    const loc = d.range ? { source, start: d.range.start.offset, end: d.range.end.offset } : undefined;
    reporter.error(IdlCode.InvalidImport, d.message, loc);
  }
  return json.value === undefined ? undefined : { value: json.value, map: json.sourceMap };
}

/** An imported .avsc file: one schema, possibly defining several named types. */
export function importSchemaFile(source: SourceFile, reporter: Reporter): ImportedSchemas {
  const json = parseText(source, reporter);
  if (!json) return { decls: [], messages: [] };
  const converter = new JsonConverter(source, json.map, reporter);
  try {
    converter.schema(json.value, '', undefined);
  } catch (error) {
    if (!(error instanceof JsonImportAbort)) throw error;
  }
  return { decls: converter.decls, messages: [] };
}

/** An imported .avpr file: its types and messages. */
export function importProtocolFile(source: SourceFile, reporter: Reporter): ImportedSchemas {
  const json = parseText(source, reporter);
  if (!json) return { decls: [], messages: [] };
  const converter: JsonConverter = new JsonConverter(source, json.map, reporter);
  const messages: MessageDecl[] = [];
  try {
    const root = json.value;
    if (!isJsonObject(root)) return converter.fail('a protocol must be a JSON object', '');
    const protocolName = typeof root.protocol === 'string' ? root.protocol : undefined;
    if (protocolName === undefined) converter.fail('a protocol needs a "protocol" name', '');
    let namespace = typeof root.namespace === 'string' && root.namespace !== '' ? root.namespace : undefined;
    const dot = protocolName.lastIndexOf('.');
    if (dot >= 0) namespace = protocolName.slice(0, dot) || undefined;
    const types = root.types;
    if (types !== undefined) {
      if (!Array.isArray(types)) converter.fail('"types" must be an array', '/types');
      types.forEach((t, i) => {
        if (!isJsonObject(t)) converter.fail('a protocol type must be an object', `/types/${i}`);
        converter.schema(t, `/types/${i}`, namespace);
      });
    }
    const defs = root.messages;
    if (defs !== undefined && isJsonObject(defs)) {
      for (const [name, m] of Object.entries(defs)) {
        messages.push(message(converter, name, m, appendPointer('/messages', name), namespace));
      }
    }
  } catch (error) {
    if (!(error instanceof JsonImportAbort)) throw error;
  }
  return { decls: converter.decls, messages };
}

const MESSAGE_RESERVED = RESERVED.message;

function message(
  converter: JsonConverter,
  name: string,
  node: JsonValue,
  pointer: string,
  namespace: string | undefined,
): MessageDecl {
  if (!isJsonObject(node)) converter.fail(`message ${name} must be an object`, pointer);
  const request = node.request;
  if (!Array.isArray(request)) converter.fail(`message ${name} needs a "request" array`, pointer);
  const props: Props = new Map();
  for (const [k, v] of Object.entries(node)) if (!MESSAGE_RESERVED.has(k)) props.set(k, v);
  const oneWayNode = node['one-way'];
  if (oneWayNode !== undefined && typeof oneWayNode !== 'boolean') {
    converter.fail('"one-way" must be a boolean', appendPointer(pointer, 'one-way'));
  }
  const oneWay = oneWayNode === true;
  if (!oneWay && node.response === undefined) converter.fail(`message ${name} needs a "response"`, pointer);
  const response: TypeNode =
    node.response === undefined
      ? { kind: 'primitive', type: 'null', props: new Map(), loc: converter.loc(pointer) }
      : converter.schema(node.response, appendPointer(pointer, 'response'), namespace);
  const errors: TypeNode[] = [];
  if (node.errors !== undefined) {
    if (oneWay) converter.fail("a one-way message can't have errors", appendPointer(pointer, 'errors'));
    if (!Array.isArray(node.errors))
      converter.fail('"errors" must be an array', appendPointer(pointer, 'errors'));
    node.errors.forEach((e, i) => {
      const at = appendPointer(pointer, 'errors', i);
      if (typeof e !== 'string') converter.fail('an error must be named by a string', at);
      errors.push(converter.schema(e, at, namespace));
    });
  }
  const decl: MessageDecl = {
    name,
    loc: converter.loc(pointer),
    props,
    request: request.map((f, i) => converter.field(f, appendPointer(pointer, 'request', i), namespace)),
    response,
    errors,
    oneWay,
  };
  if (typeof node.doc === 'string') decl.doc = node.doc;
  return decl;
}
