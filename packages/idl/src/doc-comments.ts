import { IdlCode } from './codes.js';
import type { Reporter, SourceFile } from './source.js';
import type { Tokens } from './tokenizer.js';

const LINE_BREAK = /\r\n|[\n\u000B\f\r\u0085\u2028\u2029]/;
const H_SPACE = '[ \\t\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000]';
const LEADING_H_SPACE = new RegExp(`^${H_SPACE}*`);
const LINE_BREAKS = new RegExp(LINE_BREAK.source, 'g');
/** For `*` and `**`: a line starting with the stars after indentation, and that prefix plus one space. */
const STAR_PREFIXES = ['**', '*'].map((stars) => {
  const quoted = stars.replace(/\*/g, '\\*');
  return {
    stars,
    test: new RegExp(`^${H_SPACE}*${quoted}`),
    strip: new RegExp(`^${H_SPACE}*${quoted}${H_SPACE}?`),
  };
});

/** Java's `String.trim()`: strips characters up to U+0020 only. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return text.slice(start, end);
}

/** Splits into lines and the line breaks between them. */
function splitLines(text: string): { lines: string[]; breaks: string[] } {
  const lines: string[] = [];
  const breaks: string[] = [];
  const re = LINE_BREAKS;
  re.lastIndex = 0;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(last, m.index));
    breaks.push(m[0]);
    last = m.index + m[0].length;
  }
  lines.push(text.slice(last));
  return { lines, breaks };
}

function join(lines: string[], breaks: string[]): string {
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) out += breaks[i - 1]! + lines[i]!;
  return out;
}

/**
 * Avro's doc comment cleanup (IdlReader.stripIndents): when every line starts with the same `*` or `**`
 * (after indentation), that prefix and one space are removed; otherwise the common indentation of lines
 * 2..n is removed.
 */
export function stripIndents(text: string): string {
  const { lines, breaks } = splitLines(text);
  if (lines.length === 1 && !text.startsWith('*')) return text;
  for (const { stars, test, strip } of STAR_PREFIXES) {
    if (!lines[0]!.startsWith(stars)) continue;
    if (!lines.slice(1).every((l) => test.test(l))) continue;
    return join(
      lines.map((l) => l.replace(strip, '')),
      breaks,
    );
  }
  if (lines.length < 2) return text;
  const candidate = LEADING_H_SPACE.exec(lines[1]!)![0];
  for (let k = candidate.length; k > 0; k--) {
    const indent = candidate.slice(0, k);
    if (lines.slice(2).every((l) => l.startsWith(indent))) {
      return join(
        lines.map((l, i) => (i === 0 ? l : l.slice(k))),
        breaks,
      );
    }
  }
  return text;
}

/** The documentation text of a `/** ... *\/` comment. */
export function docText(comment: string): string {
  return stripIndents(javaTrim(comment.slice(3, -2)));
}

/**
 * Assigns doc comments to declarations exactly as Avro's IdlReader does: a declaration takes the last doc
 * comment directly before its first token; every other doc comment seen since the previous declaration
 * is reported as misplaced. `docFor` must be called in the order Avro's parse-tree listener asks.
 */
export class DocComments {
  private processed = -1;

  constructor(
    private readonly tokens: Tokens,
    private readonly source: SourceFile,
    private readonly reporter: Reporter,
  ) {}

  /** The doc of the construct whose first (non-comment) token is `tokens[start]`. */
  docFor(start: number): string | undefined {
    const { kinds, starts, ends } = this.tokens;
    let doc = -1;
    let searchEnd = start;
    if (start > 0 && kinds[start - 1] === 'doc') {
      doc = start - 1;
      searchEnd = start - 2;
    }
    for (let i = this.processed + 1; i <= searchEnd; i++) {
      if (kinds[i] === 'doc') {
        this.reporter.warning(
          IdlCode.MisplacedDocComment,
          'Ignoring out-of-place documentation comment.',
          { source: this.source, start: starts[i]!, end: starts[i]! + 3 },
          'Did you mean to use a multiline comment ( /* ... */ ) instead?',
        );
      }
    }
    this.processed = start;
    return doc < 0 ? undefined : docText(this.source.text.slice(starts[doc], ends[doc]));
  }
}
