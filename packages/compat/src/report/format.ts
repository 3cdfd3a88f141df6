import { type Diagnostic, formatDiagnostic } from '@charter/diagnostics';
import type { Finding } from './findings.js';

export interface FormatFindingsOptions {
  /** The text of a file a finding points into, for code frames. */
  readSource?: (file: string) => string | undefined;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

/**
 * The plain-language report: findings grouped under who can no longer read whom, each with its place in
 * the source (and a code frame when the source text is available), the field path and a fix hint.
 */
export function formatFindings(findings: readonly Finding[], options: FormatFindingsOptions = {}): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.who, [...(groups.get(f.who) ?? []), f]);
  const out: string[] = [];
  for (const [who, list] of groups) {
    out.push(`${who}:`);
    for (const f of list) {
      const d: Diagnostic = { code: f.code, severity: 'error', message: f.text, hint: f.hint };
      if (f.source) {
        d.file = f.source.file;
        d.range = f.source.range;
      }
      const source = f.source ? options.readSource?.(f.source.file) : undefined;
      const text = formatDiagnostic(d, source === undefined ? {} : { source });
      out.push(indent(`${text}\n  (Avro: ${f.type} at ${f.location})`, '  '));
    }
  }
  return out.join('\n');
}
