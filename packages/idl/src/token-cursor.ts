import { JsonDouble, type JsonObject, type JsonValue } from '@charter/schema';
import type { Annotation } from './annotations.js';
import { IdlCode } from './codes.js';
import { integerValue, setJsonKey } from './json-literal.js';
import { parseFloatLiteral, parseIntegerLiteral, smallDecimal } from './literals.js';
import type { Loc, Reporter, SourceFile } from './source.js';
import { KEYWORDS, type Tokens } from './tokenizer.js';

/** Thrown to stop parsing a file after a syntax error (Avro stops at the first one too). */
export class SyntaxAbort extends Error {}

/** A token, by its index in the file's `Tokens`. */
export type Token = number;

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

/**
 * Walks the tokens of one file, skipping doc comments (they are read by position, see DocComments), and
 * reads the parts of the grammar that need no context: identifiers, annotations and JSON values.
 */
export class TokenCursor {
  protected readonly kinds: string[];
  protected pos = 0;

  constructor(
    protected readonly tokens: Tokens,
    protected readonly source: SourceFile,
    protected readonly reporter: Reporter,
  ) {
    this.kinds = tokens.kinds;
    this.skipDocs();
  }

  protected skipDocs(): void {
    while (this.kinds[this.pos] === 'doc') this.pos++;
  }

  /** The current token (never a doc comment). */
  protected get cur(): Token {
    return this.pos;
  }

  protected kind(token: Token = this.pos): string {
    return this.kinds[token]!;
  }

  /** The kind of the n-th non-doc token after the current one. */
  protected peekKind(n: number): string {
    let i = this.pos;
    for (let k = 0; k < n; k++) {
      i++;
      while (this.kinds[i] === 'doc') i++;
      if (i >= this.kinds.length) return 'eof';
    }
    return this.kinds[i]!;
  }

  protected advance(): Token {
    const t = this.pos;
    const kind = this.kinds[t];
    if (kind !== 'eof' && kind !== 'sub' && kind !== 'invalid') {
      const kinds = this.kinds;
      let next = t + 1;
      while (kinds[next] === 'doc') next++;
      this.pos = next;
    }
    return t;
  }

  protected loc(token: Token): Loc {
    return { source: this.source, start: this.tokens.starts[token]!, end: this.tokens.ends[token]! };
  }

  protected span(from: Token, to: Token): Loc {
    return { source: this.source, start: this.tokens.starts[from]!, end: this.tokens.ends[to]! };
  }

  protected text(token: Token): string {
    return this.source.text.slice(this.tokens.starts[token], this.tokens.ends[token]);
  }

  protected get previous(): Token {
    let i = this.pos - 1;
    while (i > 0 && this.kinds[i] === 'doc') i--;
    return Math.max(0, i);
  }

  protected fail(expected: string): never {
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

  protected expect(kind: string, what = `'${kind}'`): Token {
    if (this.kinds[this.pos] !== kind) this.fail(what);
    return this.advance();
  }

  protected at(kind: string): boolean {
    return this.kinds[this.pos] === kind;
  }

  protected isIdentifier(kind: string): boolean {
    return kind === 'ident' || KEYWORDS.has(kind);
  }

  /** Consumes an identifier (a keyword counts) and returns its token. */
  protected identifier(what = 'an identifier'): Token {
    const t = this.pos;
    if (!this.isIdentifier(this.kinds[t]!)) this.fail(what);
    this.advance();
    return t;
  }

  /** The name an identifier token stands for: backticks removed. */
  protected name(token: Token): string {
    return this.tokens.values[token] ?? this.kinds[token]!;
  }

  /** Java's `Integer.decode` of an int literal (no `L` suffix, within 32 bits). */
  protected intValue(token: Token, what: string): number {
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

  // ---- annotations and JSON values ------------------------------------------------------------------

  protected annotations(): Annotation[] {
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

  protected jsonValue(): JsonValue {
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
