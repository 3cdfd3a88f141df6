import { type Diagnostic, LineIndex } from '@charter/diagnostics';
import { appendPointer } from './json-pointer.js';
import { JsonDouble, type JsonObject, type JsonValue } from './json-value.js';

/** Where each node of a parsed JSON text is: pointer → [start, end) offsets of its value. */
export interface JsonSourceMap {
  readonly text: string;
  readonly file: string | undefined;
  spanOf(pointer: string): readonly [number, number] | undefined;
  /** The range of the node at `pointer`, or of its nearest located ancestor. */
  locate(pointer: string): Diagnostic['range'];
}

export interface PositionedJson {
  value: JsonValue | undefined;
  sourceMap: JsonSourceMap;
  diagnostics: Diagnostic[];
}

class SpanMap implements JsonSourceMap {
  readonly spans = new Map<string, readonly [number, number]>();
  private index: LineIndex | undefined;

  constructor(
    readonly text: string,
    readonly file: string | undefined,
  ) {}

  spanOf(pointer: string) {
    return this.spans.get(pointer);
  }

  locate(pointer: string) {
    let p = pointer;
    for (;;) {
      const span = this.spans.get(p);
      if (span) {
        this.index ??= new LineIndex(this.text);
        return this.index.rangeOf(span[0], span[1]);
      }
      if (p === '') return undefined;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

/** A strict JSON parser that records the span of every value, for diagnostics that point into the text. */
export function parseJsonWithPositions(text: string, file?: string): PositionedJson {
  const map = new SpanMap(text, file);
  let pos = 0;

  const skipWhitespace = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else return;
    }
  };
  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number) => (at >= text.length ? 'end of input' : JSON.stringify(text[at]));

  const parseString = (): string => {
    const start = pos;
    pos++;
    let out = '';
    let chunk = pos;
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(chunk, pos);
        pos++;
        return out;
      }
      if (c < 32) fail('control character in string');
      if (c === 92) {
        out += text.slice(chunk, pos);
        const e = text[pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else fail('invalid escape in string');
        chunk = pos;
      } else pos++;
    }
  };

  const parseValue = (pointer: string, depth: number): JsonValue => {
    if (depth > 512) fail('nesting too deep');
    skipWhitespace();
    const start = pos;
    const c = text[pos];
    let value: JsonValue;
    if (c === '{') {
      pos++;
      const obj: JsonObject = {};
      skipWhitespace();
      if (text[pos] === '}') pos++;
      else {
        for (;;) {
          skipWhitespace();
          if (text[pos] !== '"') fail(`expected a property name, found ${describe(pos)}`);
          const key = parseString();
          skipWhitespace();
          if (text[pos] !== ':') fail(`expected ':', found ${describe(pos)}`);
          pos++;
          obj[key] = parseValue(appendPointer(pointer, key), depth + 1);
          skipWhitespace();
          if (text[pos] === ',') pos++;
          else if (text[pos] === '}') {
            pos++;
            break;
          } else fail(`expected ',' or '}', found ${describe(pos)}`);
        }
      }
      value = obj;
    } else if (c === '[') {
      pos++;
      const arr: JsonValue[] = [];
      skipWhitespace();
      if (text[pos] === ']') pos++;
      else {
        for (;;) {
          arr.push(parseValue(appendPointer(pointer, arr.length), depth + 1));
          skipWhitespace();
          if (text[pos] === ',') pos++;
          else if (text[pos] === ']') {
            pos++;
            break;
          } else fail(`expected ',' or ']', found ${describe(pos)}`);
        }
      }
      value = arr;
    } else if (c === '"') {
      value = parseString();
    } else if (text.startsWith('true', pos)) {
      pos += 4;
      value = true;
    } else if (text.startsWith('false', pos)) {
      pos += 5;
      value = false;
    } else if (text.startsWith('null', pos)) {
      pos += 4;
      value = null;
    } else {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      if (!m || m[0] === '-') fail(`unexpected ${describe(pos)}`);
      const literal = m![0];
      pos += literal.length;
      if (m![1] !== undefined || m![2] !== undefined) value = new JsonDouble(Number(literal));
      else {
        const n = Number(literal);
        value = Number.isSafeInteger(n) ? n : BigInt(literal);
      }
    }
    map.spans.set(pointer, [start, pos]);
    return value;
  };

  try {
    const value = parseValue('', 0);
    skipWhitespace();
    if (pos < text.length) fail(`unexpected ${describe(pos)} after the JSON value`);
    return { value, sourceMap: map, diagnostics: [] };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const index = new LineIndex(text);
    const diagnostic: Diagnostic = {
      code: 'SCH001',
      severity: 'error',
      message: `invalid JSON: ${error.message}`,
      range: index.rangeOf(error.offset, Math.min(text.length, error.offset + 1)),
    };
    if (file !== undefined) diagnostic.file = file;
    return { value: undefined, sourceMap: map, diagnostics: [diagnostic] };
  }
}
