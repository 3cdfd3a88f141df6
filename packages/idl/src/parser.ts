import type { JsonValue, PrimitiveTypeName } from '@charter/schema';
import { type Annotation, applyAnnotations, RESERVED } from './annotations.js';
import { IdlCode } from './codes.js';
import { DocComments } from './doc-comments.js';
import {
  EMPTY_PROPS,
  type FieldDecl,
  type IdlFileAst,
  type ImportKind,
  type Item,
  type MessageDecl,
  type NamedDecl,
  type Props,
  type SymbolDecl,
  sharedProps,
  type TypeNode,
} from './ir.js';
import { normalizeLogicalProps, setProp } from './logical-props.js';
import {
  namespaceProblem,
  protocolNameProblem,
  qualifyReference,
  splitIdentifier,
  typeNameProblem,
} from './names.js';
import type { Loc, Reporter, SourceFile } from './source.js';
import { SyntaxAbort, type Token, TokenCursor } from './token-cursor.js';
import { tokenize } from './tokenizer.js';

const PRIMITIVE_KEYWORDS: Readonly<Record<string, PrimitiveTypeName>> = {
  boolean: 'boolean',
  int: 'int',
  long: 'long',
  float: 'float',
  double: 'double',
  bytes: 'bytes',
  string: 'string',
  null: 'null',
};

const LOGICAL_KEYWORDS: Readonly<Record<string, [PrimitiveTypeName, Props]>> = {
  date: ['int', sharedProps([['logicalType', 'date']])],
  time_ms: ['int', sharedProps([['logicalType', 'time-millis']])],
  timestamp_ms: ['long', sharedProps([['logicalType', 'timestamp-millis']])],
  local_timestamp_ms: ['long', sharedProps([['logicalType', 'local-timestamp-millis']])],
  uuid: ['string', sharedProps([['logicalType', 'uuid']])],
};

class Parser extends TokenCursor {
  private readonly docs: DocComments;
  private readonly namespaces: (string | undefined)[] = [];
  private readonly items: Item[] = [];

  constructor(source: SourceFile, reporter: Reporter) {
    const tokens = tokenize(source, reporter);
    super(tokens, source, reporter);
    this.docs = new DocComments(tokens, source, reporter);
  }

  private get namespace(): string | undefined {
    const ns = this.namespaces.at(-1);
    return ns === '' ? undefined : ns;
  }

  // ---- file structure ------------------------------------------------------------------------------

  parseFile(): IdlFileAst {
    const ast: IdlFileAst = { items: this.items };
    try {
      const start = this.pos;
      const annotations = this.annotations();
      if (this.kind() === 'protocol') {
        this.protocol(ast, start, annotations);
      } else {
        this.schemaFile(ast, start, annotations);
      }
      if (this.kind() !== 'eof' && this.kind() !== 'sub') this.fail('end of file');
    } catch (error) {
      if (!(error instanceof SyntaxAbort)) throw error;
    }
    return ast;
  }

  private protocol(ast: IdlFileAst, start: number, annotations: Annotation[]): void {
    this.advance();
    const id = this.identifier('a protocol name');
    const applied = applyAnnotations(
      annotations,
      { namespace: true, reserved: RESERVED.protocol },
      this.reporter,
    );
    const { name, namespace } = splitIdentifier(this.name(id), applied.namespace);
    const problem = protocolNameProblem(name);
    if (problem) this.reporter.error(IdlCode.InvalidName, problem, this.loc(id));
    const doc = this.docs.docFor(start);
    ast.protocol = { name, namespace, props: applied.props, loc: this.loc(id) };
    if (doc !== undefined) ast.protocol.doc = doc;
    this.namespaces.push(namespace);
    this.expect('{');
    while (this.kind() !== '}') {
      if (this.kind() === 'eof' || this.kind() === 'sub') this.fail("'}'");
      if (this.atImport()) {
        this.importStatement();
        continue;
      }
      const itemStart = this.pos;
      const itemAnnotations = this.annotations();
      if (this.atNamedDeclaration()) this.namedDeclaration(itemStart, itemAnnotations);
      else this.message(itemStart, itemAnnotations);
    }
    this.advance();
    this.namespaces.pop();
  }

  private schemaFile(ast: IdlFileAst, start: number, annotations: Annotation[]): void {
    if (annotations.length === 0) {
      if (this.kind() === 'namespace' && this.isIdentifier(this.peekKind(1))) {
        this.advance();
        const id = this.identifier('a namespace');
        this.expect(';');
        ast.namespace = this.name(id);
        this.namespaces.push(this.name(id));
      }
      if (this.kind() === 'schema' && this.peekKind(1) !== ';') {
        this.advance();
        const type = this.fullType();
        this.expect(';');
        ast.mainSchema = type;
        this.items.push({ kind: 'main', type });
      }
    }
    let pending: { start: number; annotations: Annotation[] } | undefined =
      annotations.length > 0 ? { start, annotations } : undefined;
    for (;;) {
      if (!pending) {
        if (this.kind() === 'eof' || this.kind() === 'sub') return;
        if (this.atImport()) {
          this.importStatement();
          continue;
        }
        const itemStart = this.pos;
        pending = { start: itemStart, annotations: this.annotations() };
      }
      if (!this.atNamedDeclaration()) {
        this.fail(
          pending.annotations.length > 0
            ? "'record', 'error', 'enum' or 'fixed'"
            : "'import', 'record', 'error', 'enum' or 'fixed'",
        );
      }
      this.namedDeclaration(pending.start, pending.annotations);
      pending = undefined;
    }
  }

  private atImport(): boolean {
    if (this.kind() !== 'import') return false;
    const next = this.peekKind(1);
    return (next === 'idl' || next === 'protocol' || next === 'schema') && this.peekKind(2) === 'string-lit';
  }

  /** `record X {`, `error X {`, `enum X {` or `fixed X(`: a declaration rather than a message. */
  private atNamedDeclaration(): boolean {
    const kind = this.kind();
    if (kind !== 'record' && kind !== 'error' && kind !== 'enum' && kind !== 'fixed') return false;
    if (!this.isIdentifier(this.peekKind(1))) return true;
    const after = this.peekKind(2);
    return kind === 'fixed' ? after === '(' && this.peekKind(3) === 'int-lit' : after === '{';
  }

  private importStatement(): void {
    const first = this.advance();
    const importKind = this.kind(this.advance()) as ImportKind;
    const location = this.expect('string-lit', 'a file name string');
    this.expect(';');
    this.items.push({
      kind: 'import',
      importKind,
      path: this.tokens.values[location] ?? '',
      loc: this.span(first, location),
    });
  }

  // ---- named types --------------------------------------------------------------------------------

  private namedDeclaration(start: number, annotations: Annotation[]): void {
    switch (this.kind()) {
      case 'record':
      case 'error':
        this.record(start, annotations);
        break;
      case 'enum':
        this.enumDeclaration(start, annotations);
        break;
      default:
        this.fixed(start, annotations);
    }
  }

  private declare(
    kind: NamedDecl['kind'],
    id: Token,
    namespace: string | undefined,
    aliases: string[] | undefined,
    props: Props,
    doc: string | undefined,
  ): NamedDecl {
    const q = splitIdentifier(this.name(id), namespace);
    const problem = typeNameProblem(q.name);
    if (problem) this.reporter.error(IdlCode.InvalidName, problem, this.loc(id));
    if (q.namespace !== undefined) {
      const nsProblem = namespaceProblem(q.namespace);
      if (nsProblem) this.reporter.error(IdlCode.InvalidName, nsProblem, this.loc(id));
    }
    const decl: NamedDecl = {
      kind,
      name: q.name,
      namespace: q.namespace,
      fullName: q.fullName,
      loc: this.loc(id),
      aliases: (aliases ?? []).map((a) => splitIdentifier(a, q.namespace).fullName),
      props,
      fields: [],
      symbols: [],
      size: 0,
    };
    if (doc !== undefined) decl.doc = doc;
    return decl;
  }

  private record(start: number, annotations: Annotation[]): void {
    const kind = this.kind(this.advance()) as 'record' | 'error';
    const id = this.identifier('a record name');
    const applied = applyAnnotations(
      annotations,
      { namespace: true, aliases: true, reserved: RESERVED.schema },
      this.reporter,
    );
    const doc = this.docs.docFor(start);
    const decl = this.declare(
      kind,
      id,
      applied.namespace ?? this.namespace,
      applied.aliases,
      applied.props,
      doc,
    );
    this.namespaces.push(decl.namespace ?? '');
    this.expect('{');
    while (this.kind() !== '}') this.fieldDeclaration(decl.fields);
    this.advance();
    this.namespaces.pop();
    this.items.push({ kind: 'type', decl });
  }

  private enumDeclaration(start: number, annotations: Annotation[]): void {
    this.advance();
    const id = this.identifier('an enum name');
    this.expect('{');
    const symbols: SymbolDecl[] = [];
    if (this.kind() !== '}') {
      for (;;) {
        this.annotations(); // accepted by the grammar, ignored by Avro
        const symbol = this.identifier('an enum symbol');
        symbols.push({ name: this.name(symbol), loc: this.loc(symbol) });
        if (this.kind() !== ',') break;
        this.advance();
      }
    }
    this.expect('}', "',' or '}'");
    let enumDefault: SymbolDecl | undefined;
    if (this.kind() === '=') {
      this.advance();
      const symbol = this.identifier('the default symbol');
      this.expect(';');
      enumDefault = { name: this.name(symbol), loc: this.loc(symbol) };
    }
    const doc = this.docs.docFor(start);
    const applied = applyAnnotations(
      annotations,
      { namespace: true, aliases: true, reserved: RESERVED.enum },
      this.reporter,
    );
    const decl = this.declare(
      'enum',
      id,
      applied.namespace ?? this.namespace,
      applied.aliases,
      applied.props,
      doc,
    );
    decl.symbols = symbols;
    if (enumDefault) decl.enumDefault = enumDefault;
    this.items.push({ kind: 'type', decl });
  }

  private fixed(start: number, annotations: Annotation[]): void {
    this.advance();
    const id = this.identifier('a fixed name');
    this.expect('(');
    const sizeToken = this.expect('int-lit', 'an integer size');
    this.expect(')');
    this.expect(';');
    const doc = this.docs.docFor(start);
    const applied = applyAnnotations(
      annotations,
      { namespace: true, aliases: true, reserved: RESERVED.schema },
      this.reporter,
    );
    const decl = this.declare(
      'fixed',
      id,
      applied.namespace ?? this.namespace,
      applied.aliases,
      applied.props,
      doc,
    );
    decl.size = this.intValue(sizeToken, 'fixed size');
    if (decl.size < 0) {
      this.reporter.error(
        IdlCode.InvalidFixedSize,
        `invalid fixed size ${decl.size}: it must not be negative`,
        this.loc(sizeToken),
      );
      decl.size = 0;
    }
    normalizeLogicalProps(
      'fixed',
      decl.props,
      decl.size,
      this.reporter,
      annotations.find((a) => a.name === 'logicalType')?.nameLoc ?? this.loc(id),
    );
    this.items.push({ kind: 'type', decl });
  }

  // ---- fields and variables ---------------------------------------------------------------------

  private fieldDeclaration(fields: FieldDecl[]): void {
    if (this.kind() === 'eof' || this.kind() === 'sub') this.fail("'}'");
    const defaultDoc = this.docs.docFor(this.pos);
    const type = this.fullType();
    for (;;) {
      fields.push(this.variable(type, defaultDoc));
      if (this.kind() !== ',') break;
      this.advance();
    }
    this.expect(';', "',' or ';'");
  }

  private variable(type: TypeNode, defaultDoc: string | undefined): FieldDecl {
    const start = this.pos;
    const annotations = this.annotations();
    const id = this.identifier('a field name');
    let value: JsonValue | undefined;
    let defaultLoc: Loc | undefined;
    if (this.kind() === '=') {
      this.advance();
      const first = this.cur;
      value = this.jsonValue();
      defaultLoc = this.span(first, this.previous);
    }
    const doc = this.docs.docFor(start) ?? defaultDoc;
    const applied = applyAnnotations(
      annotations,
      { aliases: true, order: true, reserved: RESERVED.field },
      this.reporter,
    );
    const field: FieldDecl = {
      name: this.name(id),
      loc: this.loc(id),
      type: fixOptional(type, value),
      order: applied.order ?? 'ascending',
      aliases: applied.aliases ?? [],
      props: applied.props,
    };
    if (doc !== undefined) field.doc = doc;
    if (value !== undefined) {
      field.default = value;
      if (defaultLoc) field.defaultLoc = defaultLoc;
    }
    return field;
  }

  // ---- types --------------------------------------------------------------------------------------

  private fullType(): TypeNode {
    const annotations = this.annotations();
    const type = this.plainType(annotations.length > 0);
    if (annotations.length > 0) {
      const applied = applyAnnotations(annotations, { reserved: RESERVED.schema }, this.reporter);
      const target = type.kind === 'union' && type.optional ? type.branches[1]! : type;
      if (target.kind === 'primitive' || target.kind === 'array' || target.kind === 'map') {
        target.props = new Map(target.props);
        for (const a of annotations) {
          const value = applied.props.get(a.name);
          if (value !== undefined) setProp(target.props, a.name, value, a.nameLoc, this.reporter);
        }
        if (target.kind === 'primitive') {
          const at = annotations.find((a) => a.name === 'logicalType')?.nameLoc ?? target.loc;
          normalizeLogicalProps(target.type, target.props, undefined, this.reporter, at);
        }
      }
    }
    return type;
  }

  private plainType(annotated: boolean): TypeNode {
    const t = this.cur;
    const kind = this.kind(t);
    const next = kind === 'array' || kind === 'map' || kind === 'union' ? this.peekKind(1) : '';
    if (kind === 'array' && next === '<') {
      this.advance();
      this.advance();
      const items = this.fullType();
      const end = this.expect('>');
      return { kind: 'array', items, props: EMPTY_PROPS, loc: this.span(t, end) };
    }
    if (kind === 'map' && next === '<') {
      this.advance();
      this.advance();
      const values = this.fullType();
      const end = this.expect('>');
      return { kind: 'map', values, props: EMPTY_PROPS, loc: this.span(t, end) };
    }
    if (kind === 'union' && next === '{') {
      this.advance();
      this.advance();
      const branches = [this.fullType()];
      while (this.kind() === ',') {
        this.advance();
        branches.push(this.fullType());
      }
      const end = this.expect('}', "',' or '}'");
      return { kind: 'union', branches, loc: this.span(t, end) };
    }
    return this.nullableType(annotated);
  }

  private nullableType(annotated: boolean): TypeNode {
    const t = this.cur;
    let type: TypeNode;
    const primitive = PRIMITIVE_KEYWORDS[this.kind(t)];
    const logical = LOGICAL_KEYWORDS[this.kind(t)];
    if (primitive) {
      this.advance();
      type = { kind: 'primitive', type: primitive, props: EMPTY_PROPS, loc: this.loc(t) };
    } else if (logical) {
      this.advance();
      type = {
        kind: 'primitive',
        type: logical[0],
        props: logical[1],
        loc: this.loc(t),
      };
    } else if (this.kind(t) === 'decimal' && this.peekKind(1) === '(') {
      type = this.decimal();
    } else {
      const id = this.identifier('a type');
      if (annotated) {
        this.reporter.error(
          IdlCode.AnnotatedReference,
          `type references may not be annotated: ${this.name(id)} names a type declared elsewhere`,
          this.loc(id),
          'put the annotation on the declaration of the named type',
        );
      }
      type = { kind: 'ref', fullName: qualifyReference(this.name(id), this.namespace), loc: this.loc(id) };
    }
    if (this.kind() === '?') {
      const end = this.advance();
      return {
        kind: 'union',
        branches: [{ kind: 'primitive', type: 'null', props: EMPTY_PROPS, loc: this.loc(end) }, type],
        loc: this.span(t, end),
        optional: true,
      };
    }
    return type;
  }

  private decimal(): TypeNode {
    const first = this.advance();
    this.expect('(');
    const precisionToken = this.expect('int-lit', 'a precision');
    let scaleToken: Token | undefined;
    if (this.kind() === ',') {
      this.advance();
      scaleToken = this.expect('int-lit', 'a scale');
    }
    const end = this.expect(')', "',' or ')'");
    const loc = this.span(first, end);
    const precision = this.intValue(precisionToken, 'decimal precision');
    const scale = scaleToken ? this.intValue(scaleToken, 'decimal scale') : 0;
    if (precision <= 0) {
      this.reporter.error(
        IdlCode.InvalidDecimal,
        `invalid decimal precision ${precision}: it must be positive`,
        this.loc(precisionToken),
      );
    } else if (scale < 0) {
      this.reporter.error(
        IdlCode.InvalidDecimal,
        `invalid decimal scale ${scale}: it must not be negative`,
        this.loc(scaleToken!),
      );
    } else if (scale > precision) {
      this.reporter.error(
        IdlCode.InvalidDecimal,
        `invalid decimal scale ${scale}: it is greater than the precision ${precision}`,
        this.loc(scaleToken!),
      );
    }
    const props: Props = new Map<string, JsonValue>([
      ['logicalType', 'decimal'],
      ['precision', precision],
      ['scale', scale],
    ]);
    return { kind: 'primitive', type: 'bytes', props, loc };
  }

  // ---- messages -----------------------------------------------------------------------------------

  private message(start: number, annotations: Annotation[]): void {
    const doc = this.docs.docFor(start);
    const applied = applyAnnotations(annotations, { reserved: RESERVED.message }, this.reporter);
    const returnToken = this.cur;
    let response: TypeNode;
    if (this.kind(returnToken) === 'void') {
      this.advance();
      response = { kind: 'primitive', type: 'null', props: EMPTY_PROPS, loc: this.loc(returnToken) };
    } else {
      if (!this.isIdentifier(this.kind(returnToken))) this.fail('a declaration or a message');
      response = this.plainType(applied.props.size > 0);
    }
    const id = this.identifier('a message name');
    this.expect('(');
    const request: FieldDecl[] = [];
    if (this.kind() !== ')') {
      for (;;) {
        const defaultDoc = this.docs.docFor(this.pos);
        const type = this.fullType();
        request.push(this.variable(type, defaultDoc));
        if (this.kind() !== ',') break;
        this.advance();
      }
    }
    this.expect(')', "',' or ')'");
    let oneWay = false;
    const errors: TypeNode[] = [];
    if (this.kind() === 'oneway') {
      this.advance();
      oneWay = true;
      if (!(response.kind === 'primitive' && response.type === 'null')) {
        this.reporter.error(
          IdlCode.OneWayNotVoid,
          `one-way message '${this.name(id)}' must return void`,
          this.loc(returnToken),
        );
      }
    } else if (this.kind() === 'throws') {
      this.advance();
      for (;;) {
        const e = this.identifier('an error type');
        errors.push({
          kind: 'ref',
          fullName: qualifyReference(this.name(e), this.namespace),
          loc: this.loc(e),
        });
        if (!this.at(',')) break;
        this.advance();
      }
    }
    this.expect(';', oneWay || errors.length > 0 ? "';'" : "'oneway', 'throws' or ';'");
    const message: MessageDecl = {
      name: this.name(id),
      loc: this.loc(id),
      props: applied.props,
      request,
      response,
      errors,
      oneWay,
    };
    if (doc !== undefined) message.doc = doc;
    this.items.push({ kind: 'message', message });
  }
}

/** `T?` in a variable: null first, or last when the default is not null (IdlReader.fixOptionalSchema). */
function fixOptional(type: TypeNode, value: JsonValue | undefined): TypeNode {
  if (type.kind !== 'union' || !type.optional) return type;
  const [nullBranch, other] = type.branches as [TypeNode, TypeNode];
  const branches = value !== undefined && value !== null ? [other, nullBranch] : [nullBranch, other];
  return { kind: 'union', branches, loc: type.loc };
}

/** Parses one IDL file into the compiler's intermediate form, reporting errors and doc warnings. */
export function parseIdl(source: SourceFile, reporter: Reporter): IdlFileAst {
  return new Parser(source, reporter).parseFile();
}
