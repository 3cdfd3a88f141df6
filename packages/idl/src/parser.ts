import { JsonDouble, type JsonObject, type JsonValue, type PrimitiveTypeName } from '@charter/schema';
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
import { integerValue, setJsonKey } from './json-literal.js';
import { parseFloatLiteral, parseIntegerLiteral, smallDecimal } from './literals.js';
import { normalizeLogicalProps, setProp } from './logical-props.js';
import {
  namespaceProblem,
  protocolNameProblem,
  qualifyReference,
  splitIdentifier,
  typeNameProblem,
} from './names.js';
import type { Loc, Reporter, SourceFile } from './source.js';
import { KEYWORDS, type Tokens, tokenize } from './tokenizer.js';

/** Thrown to stop parsing a file after a syntax error (Avro stops at the first one too). */
class SyntaxAbort extends Error {}

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

/** A token, by its index in the file's `Tokens`. */
type Token = number;

function describe(tokens: Tokens, token: Token, text: string): string {
  const kind = tokens.kinds[token]!;
  const raw = text.slice(tokens.starts[token], tokens.ends[token]);
  switch (kind) {
    case 'eof':
      return 'end of file';
    case 'sub':
      return 'end-of-input marker \\u001a';
    case 'ident':
      return `identifier '${raw}'`;
    case 'int-lit':
    case 'float-lit':
      return `number ${raw}`;
    case 'string-lit':
      return `string ${raw}`;
    default:
      return KEYWORDS.has(kind) ? `keyword '${kind}'` : `'${kind}'`;
  }
}

class Parser {
  private readonly tokens: Tokens;
  private readonly kinds: string[];
  private pos = 0;
  private readonly docs: DocComments;
  private readonly namespaces: (string | undefined)[] = [];
  private readonly items: Item[] = [];

  constructor(
    private readonly source: SourceFile,
    private readonly reporter: Reporter,
  ) {
    this.tokens = tokenize(source, reporter);
    this.kinds = this.tokens.kinds;
    this.docs = new DocComments(this.tokens, source, reporter);
    this.skipDocs();
  }

  // ---- token helpers -------------------------------------------------------------------------------

  private skipDocs(): void {
    while (this.kinds[this.pos] === 'doc') this.pos++;
  }

  /** The current token (never a doc comment). */
  private get cur(): Token {
    return this.pos;
  }

  private kind(token: Token = this.pos): string {
    return this.kinds[token]!;
  }

  /** The kind of the n-th non-doc token after the current one. */
  private peekKind(n: number): string {
    let i = this.pos;
    for (let k = 0; k < n; k++) {
      i++;
      while (this.kinds[i] === 'doc') i++;
      if (i >= this.kinds.length) return 'eof';
    }
    return this.kinds[i]!;
  }

  private advance(): Token {
    const t = this.pos;
    const kind = this.kinds[t];
    if (kind !== 'eof' && kind !== 'sub' && kind !== 'invalid') {
      this.pos++;
      this.skipDocs();
    }
    return t;
  }

  private loc(token: Token): Loc {
    return { source: this.source, start: this.tokens.starts[token]!, end: this.tokens.ends[token]! };
  }

  private span(from: Token, to: Token): Loc {
    return { source: this.source, start: this.tokens.starts[from]!, end: this.tokens.ends[to]! };
  }

  private text(token: Token): string {
    return this.source.text.slice(this.tokens.starts[token], this.tokens.ends[token]);
  }

  private get previous(): Token {
    let i = this.pos - 1;
    while (i > 0 && this.kinds[i] === 'doc') i--;
    return Math.max(0, i);
  }

  private fail(expected: string): never {
    const t = this.pos;
    if (this.kinds[t] !== 'invalid') {
      this.reporter.error(
        IdlCode.SyntaxError,
        `expected ${expected}, found ${describe(this.tokens, t, this.source.text)}`,
        this.loc(t),
      );
    }
    throw new SyntaxAbort();
  }

  private expect(kind: string, what = `'${kind}'`): Token {
    if (this.kinds[this.pos] !== kind) this.fail(what);
    return this.advance();
  }

  private at(kind: string): boolean {
    return this.kinds[this.pos] === kind;
  }

  private isIdentifier(kind: string): boolean {
    return kind === 'ident' || KEYWORDS.has(kind);
  }

  /** Consumes an identifier (a keyword counts) and returns its token. */
  private identifier(what = 'an identifier'): Token {
    const t = this.pos;
    if (!this.isIdentifier(this.kinds[t]!)) this.fail(what);
    this.advance();
    return t;
  }

  /** The name an identifier token stands for: backticks removed. */
  private name(token: Token): string {
    return this.tokens.values[token] ?? this.kinds[token]!;
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

  /** Java's `Integer.decode` of an int literal (no `L` suffix, within 32 bits). */
  private intValue(token: Token, what: string): number {
    const text = this.text(token);
    const small = smallDecimal(text);
    if (small !== undefined && small >= -(2 ** 31) && small < 2 ** 31) return small;
    const parsed = /[lL]$/.test(text) ? undefined : parseIntegerLiteral(text);
    if (!parsed || parsed.value < -(2n ** 31n) || parsed.value >= 2n ** 31n) {
      this.reporter.error(
        IdlCode.InvalidNumber,
        `invalid ${what} ${text}: it must be a 32-bit integer`,
        this.loc(token),
      );
      return 0;
    }
    return Number(parsed.value);
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
    const next = this.peekKind(1);
    if (this.kind(t) === 'array' && next === '<') {
      this.advance();
      this.advance();
      const items = this.fullType();
      const end = this.expect('>');
      return { kind: 'array', items, props: EMPTY_PROPS, loc: this.span(t, end) };
    }
    if (this.kind(t) === 'map' && next === '<') {
      this.advance();
      this.advance();
      const values = this.fullType();
      const end = this.expect('>');
      return { kind: 'map', values, props: EMPTY_PROPS, loc: this.span(t, end) };
    }
    if (this.kind(t) === 'union' && next === '{') {
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

  // ---- annotations and JSON values ------------------------------------------------------------------

  private annotations(): Annotation[] {
    const out: Annotation[] = [];
    while (this.kind() === '@') {
      this.advance();
      const id = this.identifier('an annotation name');
      this.expect('(');
      const first = this.cur;
      const value = this.jsonValue();
      out.push({
        name: this.name(id),
        value,
        nameLoc: this.loc(id),
        valueLoc: this.span(first, this.previous),
      });
      this.expect(')');
    }
    return out;
  }

  private jsonValue(): JsonValue {
    const t = this.cur;
    switch (this.kind(t)) {
      case '{': {
        this.advance();
        const object: JsonObject = {};
        if (this.kind() !== '}') {
          for (;;) {
            const key = this.expect('string-lit', 'a string key');
            this.expect(':');
            setJsonKey(object, this.tokens.values[key] ?? '', this.jsonValue());
            if (this.kind() !== ',') break;
            this.advance();
          }
        }
        this.expect('}', "',' or '}'");
        return object;
      }
      case '[': {
        this.advance();
        const array: JsonValue[] = [];
        if (this.kind() !== ']') {
          for (;;) {
            array.push(this.jsonValue());
            if (this.kind() !== ',') break;
            this.advance();
          }
        }
        this.expect(']', "',' or ']'");
        return array;
      }
      case 'string-lit':
        this.advance();
        return this.tokens.values[t] ?? '';
      case 'true':
        this.advance();
        return true;
      case 'false':
        this.advance();
        return false;
      case 'null':
        this.advance();
        return null;
      case 'int-lit': {
        this.advance();
        const text = this.text(t);
        const small = smallDecimal(text);
        if (small !== undefined) return small;
        const parsed = parseIntegerLiteral(text);
        if (!parsed) {
          this.reporter.error(
            IdlCode.InvalidNumber,
            `integer ${text} does not fit a 64-bit long`,
            this.loc(t),
          );
          return 0;
        }
        return integerValue(parsed.value);
      }
      case 'float-lit':
        this.advance();
        return new JsonDouble(parseFloatLiteral(this.text(t)));
      default:
        return this.fail('a JSON value');
    }
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
