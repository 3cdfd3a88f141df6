import { type Diagnostic, LineIndex, type Range, type Severity } from '@charter/diagnostics';
import type { IdlCode } from './codes.js';

/** One file read by the compiler: its path as reported in diagnostics, and its text. */
export class SourceFile {
  private index: LineIndex | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  get lines(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }

  range(start: number, end: number): Range {
    return this.lines.rangeOf(start, end);
  }
}

/** A span of a source file, kept as offsets; turned into a line/column range only when reported. */
export interface Loc {
  source: SourceFile;
  start: number;
  end: number;
}

/** Collects the diagnostics of one compilation. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  errorCount = 0;

  report(severity: Severity, code: IdlCode, message: string, loc: Loc | undefined, hint?: string): void {
    const d: Diagnostic = { code, severity, message };
    if (loc) {
      d.file = loc.source.path;
      d.range = loc.source.range(loc.start, loc.end);
    }
    if (hint !== undefined) d.hint = hint;
    this.diagnostics.push(d);
    if (severity === 'error') this.errorCount++;
  }

  error(code: IdlCode, message: string, loc: Loc | undefined, hint?: string): void {
    this.report('error', code, message, loc, hint);
  }

  warning(code: IdlCode, message: string, loc: Loc | undefined, hint?: string): void {
    this.report('warning', code, message, loc, hint);
  }
}
