import { IdlCode } from './codes.js';
import { decodeStringLiteral } from './literals.js';
import type { Reporter, SourceFile } from './source.js';

/** The keywords of Avro IDL 1.12 (Idl.g4); each is also accepted where an identifier is expected. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'protocol',
  'namespace',
  'import',
  'idl',
  'schema',
  'enum',
  'fixed',
  'error',
  'record',
  'array',
  'map',
  'union',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'string',
  'bytes',
  'null',
  'true',
  'false',
  'decimal',
  'date',
  'time_ms',
  'timestamp_ms',
  'local_timestamp_ms',
  'uuid',
  'void',
  'oneway',
  'throws',
]);

/**
 * `ident` is an identifier (backticks removed in `value`), a keyword is its own text, punctuation is its
 * character. `doc` is a documentation comment (a hidden token: the parser skips it). `sub` is the \u001a
 * end-of-input marker; `invalid` stands where the tokenizer gave up after a lexical error.
 */
export type TokenKind =
  | 'ident'
  | 'int-lit'
  | 'float-lit'
  | 'string-lit'
  | 'doc'
  | 'sub'
  | 'eof'
  | 'invalid'
  | '('
  | ')'
  | '{'
  | '}'
  | '['
  | ']'
  | ':'
  | ';'
  | ','
  | '@'
  | '='
  | '.'
  | '-'
  | '?'
  | '<'
  | '>'
  | string;

/** The tokens of a file as parallel arrays (one object per token would dominate the compiler's memory). */
export class Tokens {
  readonly kinds: TokenKind[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Identifier without backticks, or the decoded string literal; undefined for other tokens. */
  readonly values: (string | undefined)[] = [];

  get length(): number {
    return this.kinds.length;
  }

  push(kind: TokenKind, start: number, end: number, value?: string): void {
    this.kinds.push(kind);
    this.starts.push(start);
    this.ends.push(end);
    this.values.push(value);
  }
}

/** ASCII identifiers without dots, dashes or backticks: the fast path of the tokenizer. */
const WORD = /[A-Za-z0-9_]*/y;
/** Punctuation that can never start a longer token (unlike `.`, `-` and `/`), by char code. */
const SIMPLE_PUNCTUATION: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const ch of '(){}[]:;,@=?<>') table[ch.charCodeAt(0)] = 1;
  return table;
})();
/** Characters that need the careful string scan: escapes and characters a string may not hold raw. */
const STRING_SPECIAL = /[\\\n\r\b\f\t]/;
const PUNCTUATION = new Set(['(', ')', '{', '}', '[', ']', ':', ';', ',', '@', '=', '.', '-', '?', '<', '>']);
const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /\p{XID_Continue}/u;
const INTEGER = /-?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[lL]?/y;
const FLOAT =
  /[+-]?(?:NaN|Infinity|(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?|[0-9]+(?:[eE][+-]?[0-9]+[fFdD]?|[fFdD])|0[xX](?:[0-9a-fA-F]*\.[0-9a-fA-F]+|[0-9a-fA-F]+\.?)[pP][+-]?[0-9]+[fFdD]?)/y;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

class Tokenizer {
  private pos = 0;
  readonly tokens = new Tokens();

  constructor(
    private readonly source: SourceFile,
    private readonly reporter: Reporter,
  ) {}

  private get text(): string {
    return this.source.text;
  }

  private fail(message: string, start: number, end: number): void {
    this.reporter.error(IdlCode.LexicalError, message, { source: this.source, start, end });
    this.tokens.push('invalid', start, end);
  }

  /** Length of an identifier part at `i` (optionally in backticks), 0 when there is none. */
  private partLength(i: number): number {
    const text = this.text;
    if (text.charCodeAt(i) === 96) {
      const inner = this.plainPartLength(i + 1);
      return inner > 0 && text.charCodeAt(i + 1 + inner) === 96 ? inner + 2 : 0;
    }
    return this.plainPartLength(i);
  }

  private plainPartLength(i: number): number {
    const text = this.text;
    const first = text.codePointAt(i);
    if (first === undefined) return 0;
    if (!(isAsciiIdStart(first) || (first > 127 && ID_START.test(String.fromCodePoint(first))))) return 0;
    let j = i + (first > 0xffff ? 2 : 1);
    for (;;) {
      const c = text.codePointAt(j);
      if (c === undefined) break;
      if (isAsciiIdStart(c) || isDigit(c)) j++;
      else if (c > 127 && ID_CONTINUE.test(String.fromCodePoint(c))) j += c > 0xffff ? 2 : 1;
      else break;
    }
    return j - i;
  }

  private identifier(start: number): boolean {
    const text = this.text;
    let len = this.partLength(start);
    if (len === 0) return false;
    let end = start + len;
    let compound = false;
    for (;;) {
      const c = text.charCodeAt(end);
      if (c !== 46 && c !== 45) break; // '.' or '-'
      len = this.partLength(end + 1);
      if (len === 0) break;
      end += 1 + len;
      compound = true;
    }
    const raw = text.slice(start, end);
    const escaped = raw.includes('`');
    if (!escaped && !compound) {
      if (KEYWORDS.has(raw)) {
        this.tokens.push(raw, start, end);
        this.pos = end;
        return true;
      }
      if (raw === 'NaN' || raw === 'Infinity') {
        this.tokens.push('float-lit', start, end);
        this.pos = end;
        return true;
      }
    }
    this.tokens.push('ident', start, end, escaped ? raw.replace(/`/g, '') : raw);
    this.pos = end;
    return true;
  }

  private number(start: number): boolean {
    INTEGER.lastIndex = start;
    const int = INTEGER.exec(this.text);
    FLOAT.lastIndex = start;
    const float = FLOAT.exec(this.text);
    const intLen = int ? int[0].length : 0;
    const floatLen = float ? float[0].length : 0;
    if (intLen === 0 && floatLen === 0) return false;
    const kind = intLen >= floatLen ? 'int-lit' : 'float-lit';
    const end = start + Math.max(intLen, floatLen);
    this.tokens.push(kind, start, end);
    this.pos = end;
    return true;
  }

  private string(start: number): void {
    const text = this.text;
    const close = text.indexOf('"', start + 1);
    if (close > 0) {
      const body = text.slice(start + 1, close);
      if (!STRING_SPECIAL.test(body)) {
        this.tokens.push('string-lit', start, close + 1, body);
        this.pos = close + 1;
        return;
      }
    }
    let i = start + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c) || c === 10 || c === 13) {
        this.fail('unterminated string literal', start, i);
        return;
      }
      if (c === 34) break;
      if (c === 8 || c === 9 || c === 12) {
        this.fail(
          'a string literal may not contain a raw tab, backspace or form feed; use \\t, \\b or \\f',
          i,
          i + 1,
        );
        return;
      }
      if (c === 92) {
        const n = escapeLength(text, i);
        if (n === 0) {
          this.fail(`invalid escape sequence in string literal: ${text.slice(i, i + 2)}`, i, i + 2);
          return;
        }
        i += n;
      } else i++;
    }
    const end = i + 1;
    this.tokens.push('string-lit', start, end, decodeStringLiteral(text.slice(start + 1, i)));
    this.pos = end;
  }

  /** Skips a comment at `start` (which holds `/`); returns false when it is not a comment. */
  private comment(start: number): boolean {
    const text = this.text;
    const next = text.charCodeAt(start + 1);
    if (next === 47) {
      let i = start + 2;
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      this.pos = i;
      return true;
    }
    if (next !== 42) return false;
    if (text.startsWith('/**/', start)) {
      this.pos = start + 4;
      return true;
    }
    const close = text.indexOf('*/', start + 2);
    if (close < 0) {
      this.fail('unterminated comment', start, start + 2);
      return true;
    }
    const end = close + 2;
    if (text.charCodeAt(start + 2) === 42) this.tokens.push('doc', start, end);
    this.pos = end;
    return true;
  }

  private get failed(): boolean {
    return this.tokens.kinds[this.tokens.length - 1] === 'invalid';
  }

  run(): Tokens {
    const text = this.text;
    const length = text.length;
    const tokens = this.tokens;
    let pos = 0;
    while (pos < length) {
      const c = text.charCodeAt(pos);
      // Whitespace, then the common tokens inline: the first compile of a process runs unoptimised code.
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 12) {
        pos++;
        continue;
      }
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
        WORD.lastIndex = pos;
        WORD.test(text);
        const end = WORD.lastIndex;
        const next = text.charCodeAt(end);
        if (next !== 46 && next !== 45 && next !== 96 && !(next > 127)) {
          const raw = text.slice(pos, end);
          if (KEYWORDS.has(raw)) tokens.push(raw, pos, end);
          else if (raw === 'NaN' || raw === 'Infinity') tokens.push('float-lit', pos, end);
          else tokens.push('ident', pos, end, raw);
          pos = end;
          continue;
        }
      }
      this.pos = pos;
      if (c === 0x1a) {
        tokens.push('sub', pos, pos + 1);
        return this.finish(true);
      }
      if (SIMPLE_PUNCTUATION[c] === 1) {
        tokens.push(text[pos]!, pos, pos + 1);
        pos++;
        continue;
      }
      if (c === 47 && this.comment(pos)) {
        if (this.failed) return tokens;
        pos = this.pos;
        continue;
      }
      if (c === 34) {
        this.string(pos);
        if (this.failed) return tokens;
        pos = this.pos;
        continue;
      }
      if ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43) {
        if (this.number(pos)) {
          pos = this.pos;
          continue;
        }
      }
      if (c === 96 || isAsciiIdStart(c) || c > 127) {
        if (this.identifier(pos)) {
          pos = this.pos;
          continue;
        }
      }
      const ch = text[pos]!;
      if (PUNCTUATION.has(ch)) {
        tokens.push(ch, pos, pos + 1);
        pos++;
        continue;
      }
      const cp = text.codePointAt(pos)!;
      const shown =
        cp < 32 || cp === 0x7f ? `\\u${cp.toString(16).padStart(4, '0')}` : String.fromCodePoint(cp);
      this.fail(`unexpected character '${shown}'`, pos, pos + (cp > 0xffff ? 2 : 1));
      return tokens;
    }
    return this.finish(false);
  }

  private finish(sub: boolean): Tokens {
    const end = sub ? this.tokens.ends[this.tokens.length - 1]! : this.text.length;
    this.tokens.push('eof', end, end);
    return this.tokens;
  }
}

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Length of the escape sequence at `i` (a backslash) as the IDL grammar allows it; 0 when invalid. */
function escapeLength(text: string, i: number): number {
  const c = text.charCodeAt(i + 1);
  // n r b f t \ ' "
  if (c === 110 || c === 114 || c === 98 || c === 102 || c === 116 || c === 92 || c === 39 || c === 34)
    return 2;
  if (c === 117) {
    for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return 0;
    return 6;
  }
  if (isOctal(c)) {
    if (!isOctal(text.charCodeAt(i + 2))) return 2;
    if (c <= 51 && isOctal(text.charCodeAt(i + 3))) return 4;
    return 3;
  }
  return 0;
}

/** Splits an IDL text into tokens; documentation comments are kept as `doc` tokens. */
export function tokenize(source: SourceFile, reporter: Reporter): Tokens {
  return new Tokenizer(source, reporter).run();
}
