import {
  checkLogicalType,
  describeJson,
  type EnumSchema,
  type Field,
  type FixedSchema,
  isValidDefault,
  type LogicalType,
  type NamedSchema,
  PRIMITIVE_TYPES,
  type PrimitiveTypeName,
  type RecordSchema,
  type Schema,
  schemaName,
} from '@charter/schema';
import { IdlCode } from './codes.js';
import type { FieldDecl, MessageDecl, NamedDecl, Props, TypeNode } from './ir.js';
import { isAvroName } from './names.js';
import type { IdlMessage } from './protocol.js';
import { sameSchema } from './schema-equality.js';
import type { Loc, Reporter } from './source.js';

/** A second definition of a name: allowed when equal to the first (Avro's ParseContext.put). */
export interface Redefinition {
  decl: NamedDecl;
  first: NamedDecl;
}

interface PendingDefault {
  field: Field;
  loc: Loc | undefined;
  owner: string;
}

/**
 * Turns the intermediate form into @charter/schema objects once every file is read: named types become
 * shared objects (so forward and recursive references work), then names are resolved, and unions, field
 * names, enum symbols and defaults are checked with Avro 1.12's rules.
 */
export class SchemaBuilder {
  /** Every named type by full name, in definition order. */
  readonly types = new Map<string, NamedSchema>();
  private readonly shells = new Map<NamedDecl, NamedSchema>();
  private readonly defaults: PendingDefault[] = [];
  private readonly logicalTypes = new Map<Props, LogicalType | undefined>();

  constructor(
    private readonly reporter: Reporter,
    decls: ReadonlyMap<string, NamedDecl>,
    private readonly redefinitions: readonly Redefinition[],
  ) {
    for (const decl of decls.values()) this.types.set(decl.fullName, this.shell(decl));
    for (const r of redefinitions) this.shell(r.decl);
    for (const decl of decls.values()) this.fill(decl);
    for (const r of redefinitions) this.fill(r.decl);
  }

  private shell(decl: NamedDecl): NamedSchema {
    const base = {
      name: decl.name,
      namespace: decl.namespace,
      fullName: decl.fullName,
      aliases: decl.aliases,
      props: decl.props,
      ...(decl.doc === undefined ? {} : { doc: decl.doc }),
    };
    let schema: NamedSchema;
    if (decl.kind === 'enum') {
      schema = { type: 'enum', ...base, symbols: [] } satisfies EnumSchema;
    } else if (decl.kind === 'fixed') {
      const fixed: FixedSchema = { type: 'fixed', ...base, size: decl.size };
      const check = checkLogicalType('fixed', decl.props, decl.size);
      if (check.logicalType) fixed.logicalType = check.logicalType;
      schema = fixed;
    } else {
      schema = { type: decl.kind, ...base, fields: [] } satisfies RecordSchema;
    }
    this.shells.set(decl, schema);
    return schema;
  }

  private fill(decl: NamedDecl): void {
    const schema = this.shells.get(decl)!;
    if (schema.type === 'record' || schema.type === 'error') {
      schema.fields = this.fields(decl.fields, `record ${decl.fullName}`);
    } else if (schema.type === 'enum') {
      const seen = new Set<string>();
      for (const symbol of decl.symbols) {
        if (!isAvroName(symbol.name)) {
          this.reporter.error(IdlCode.InvalidName, `invalid enum symbol "${symbol.name}"`, symbol.loc);
        }
        if (seen.has(symbol.name)) {
          this.reporter.error(
            IdlCode.DuplicateSymbol,
            `duplicate enum symbol ${symbol.name} in ${decl.fullName}`,
            symbol.loc,
          );
          continue;
        }
        seen.add(symbol.name);
        schema.symbols.push(symbol.name);
      }
      if (decl.enumDefault) {
        if (seen.has(decl.enumDefault.name)) schema.default = decl.enumDefault.name;
        else {
          this.reporter.error(
            IdlCode.InvalidEnumDefault,
            `the enum default ${decl.enumDefault.name} is not a symbol of ${decl.fullName}`,
            decl.enumDefault.loc,
            `the symbols are ${decl.symbols.map((s) => s.name).join(', ')}`,
          );
        }
      }
    }
  }

  /** Fields of a record or a message request; duplicates and invalid names are reported. */
  fields(decls: readonly FieldDecl[], owner: string): Field[] {
    const out: Field[] = [];
    const seen = new Set<string>();
    for (const f of decls) {
      if (!isAvroName(f.name)) {
        this.reporter.error(
          IdlCode.InvalidName,
          `invalid field name "${f.name}": a name starts with a letter or _, then letters, digits or _`,
          f.loc,
        );
      }
      if (seen.has(f.name)) {
        this.reporter.error(IdlCode.DuplicateField, `duplicate field ${f.name} in ${owner}`, f.loc);
        continue;
      }
      seen.add(f.name);
      const field: Field = {
        name: f.name,
        type: this.type(f.type),
        order: f.order,
        aliases: f.aliases,
        props: f.props,
        position: out.length,
      };
      if (f.doc !== undefined) field.doc = f.doc;
      if (f.default !== undefined) {
        field.default = f.default;
        this.defaults.push({ field, loc: f.defaultLoc ?? f.loc, owner });
      }
      out.push(field);
    }
    return out;
  }

  /** The logical type of a primitive; props shared by many types are checked once. */
  private logicalType(type: PrimitiveTypeName, props: Props): LogicalType | undefined {
    if (!props.has('logicalType')) return undefined;
    const cached = this.logicalTypes.get(props);
    if (cached !== undefined || this.logicalTypes.has(props)) return cached;
    const found = checkLogicalType(type, props).logicalType;
    this.logicalTypes.set(props, found);
    return found;
  }

  private lookup(node: Extract<TypeNode, { kind: 'ref' }>): Schema | undefined {
    const found =
      this.types.get(node.fullName) ?? (node.fallback ? this.types.get(node.fallback) : undefined);
    if (found) return found;
    if (PRIMITIVE_TYPES.has(node.fullName))
      return { type: node.fullName as PrimitiveTypeName, props: new Map() };
    return undefined;
  }

  type(node: TypeNode): Schema {
    switch (node.kind) {
      case 'primitive': {
        const schema: Schema = { type: node.type, props: node.props };
        if (node.props.size > 0) {
          const logicalType = this.logicalType(node.type, node.props);
          if (logicalType) schema.logicalType = logicalType;
        }
        return schema;
      }
      case 'ref': {
        const found = this.lookup(node);
        if (found) return found;
        const simple = node.fullName.slice(node.fullName.lastIndexOf('.') + 1);
        const similar = [...this.types.keys()].filter((n) => n.slice(n.lastIndexOf('.') + 1) === simple);
        this.reporter.error(
          IdlCode.UndefinedName,
          `undefined name: ${node.fullName}`,
          node.loc,
          similar.length > 0
            ? `did you mean ${similar.join(' or ')}? A simple name is looked up in the enclosing namespace only`
            : undefined,
        );
        return { type: 'null', props: new Map() };
      }
      case 'array':
        return { type: 'array', items: this.type(node.items), props: node.props };
      case 'map':
        return { type: 'map', values: this.type(node.values), props: node.props };
      case 'decl':
        return this.types.get(node.decl.fullName) ?? this.shells.get(node.decl)!;
      case 'union': {
        const branches: Schema[] = [];
        const seen = new Set<string>();
        for (const b of node.branches) {
          const schema = this.type(b);
          const loc = b.kind === 'decl' ? b.decl.loc : b.loc;
          if (schema.type === 'union') {
            this.reporter.error(IdlCode.InvalidUnion, 'a union may not directly contain another union', loc);
            continue;
          }
          const key = schemaName(schema);
          if (seen.has(key)) {
            this.reporter.error(IdlCode.InvalidUnion, `duplicate in union: ${key}`, loc);
            continue;
          }
          seen.add(key);
          branches.push(schema);
        }
        return { type: 'union', branches };
      }
    }
  }

  message(decl: MessageDecl): IdlMessage {
    const message: IdlMessage = {
      name: decl.name,
      props: decl.props,
      request: this.fields(decl.request, `message ${decl.name}`),
      response: this.type(decl.response),
      errors: [],
      oneWay: decl.oneWay,
    };
    if (decl.doc !== undefined) message.doc = decl.doc;
    const seen = new Set<string>(['string']);
    for (const e of decl.errors) {
      const schema = this.type(e);
      const key = schemaName(schema);
      if (seen.has(key)) {
        this.reporter.error(
          IdlCode.InvalidUnion,
          `duplicate error type: ${key}`,
          e.kind === 'decl' ? e.decl.loc : e.loc,
        );
        continue;
      }
      seen.add(key);
      message.errors.push(schema);
    }
    return message;
  }

  /** Checks defaults (after every type is complete) and second definitions of a name. */
  finish(): void {
    for (const { field, loc, owner } of this.defaults) {
      if (!isValidDefault(field.type, field.default!)) {
        this.reporter.error(
          IdlCode.InvalidDefault,
          `invalid default for field ${field.name} of ${owner}: ${describeJson(field.default!)} is not a valid ${describeType(field.type)}`,
          loc,
        );
      }
    }
    for (const { decl, first } of this.redefinitions) {
      if (!sameSchema(this.types.get(decl.fullName)!, this.shells.get(decl)!)) {
        const at = first.loc.source.range(first.loc.start, first.loc.end).start;
        this.reporter.error(
          IdlCode.RedefinedName,
          `can't redefine ${decl.fullName}: it is already defined differently`,
          decl.loc,
          `first defined at ${first.loc.source.path}:${at.line}:${at.column}`,
        );
      }
    }
  }
}

function describeType(schema: Schema): string {
  if (schema.type === 'union')
    return `value of any branch of [${schema.branches.map(describeType).join(', ')}]`;
  if (schema.type === 'array') return `array of ${describeType(schema.items)}`;
  if (schema.type === 'map') return `map of ${describeType(schema.values)}`;
  return schemaName(schema);
}
