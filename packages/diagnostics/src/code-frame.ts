import type { Range } from './diagnostic.js';
import { LineIndex } from './line-index.js';

export interface CodeFrameOptions {
  /** Lines shown before and after the range. */
  context?: number;
}

/**
 * Renders the lines around a range with a gutter and `^` markers under the range:
 *
 *     3 | record Order {
 *   > 4 |   strng id;
 *       |   ^^^^^
 */
export function codeFrame(source: string | LineIndex, range: Range, options: CodeFrameOptions = {}): string {
  const index = typeof source === 'string' ? new LineIndex(source) : source;
  const context = options.context ?? 2;
  const first = Math.max(1, range.start.line - context);
  const last = Math.min(index.lineCount, Math.max(range.start.line, range.end.line) + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = index.lineText(line).replace(/\t/g, ' ');
    const marked = line >= range.start.line && line <= range.end.line;
    out.push(`${marked ? '>' : ' '} ${String(line).padStart(width)} | ${text}`.trimEnd());
    if (!marked) continue;
    const from = line === range.start.line ? range.start.column : 1;
    const to = line === range.end.line ? range.end.column : text.length + 1;
    const length = Math.max(1, to - from);
    out.push(`  ${' '.repeat(width)} | ${' '.repeat(from - 1)}${'^'.repeat(length)}`);
  }
  return out.join('\n');
}
