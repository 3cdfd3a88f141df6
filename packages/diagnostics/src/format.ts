import { codeFrame } from './code-frame.js';
import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  /** The text of `diagnostic.file`, for the code frame. Without it no frame is printed. */
  source?: string;
}

/** `FILE:LINE:COL: error CODE: message`, then a code frame and the hint when there is one. */
export function formatDiagnostic(diagnostic: Diagnostic, options: FormatOptions = {}): string {
  const { range, file } = diagnostic;
  const where = file ? (range ? `${file}:${range.start.line}:${range.start.column}: ` : `${file}: `) : '';
  const lines = [`${where}${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`];
  if (range && options.source !== undefined) lines.push(codeFrame(options.source, range));
  if (diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`);
  return lines.join('\n');
}

/** Formats many diagnostics, reading each file's text through `readSource` (cached per file). */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  readSource: (file: string) => string | undefined = () => undefined,
): string {
  const cache = new Map<string, string | undefined>();
  const sourceOf = (file: string) => {
    if (!cache.has(file)) cache.set(file, readSource(file));
    return cache.get(file);
  };
  return diagnostics
    .map((d) => {
      const source = d.file ? sourceOf(d.file) : undefined;
      return formatDiagnostic(d, source === undefined ? {} : { source });
    })
    .join('\n');
}
