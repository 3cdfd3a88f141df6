import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Diagnostic, formatDiagnostics } from '@charter/diagnostics';

/** Reads a file named in a diagnostic or finding (relative to `cwd`) for its code frame; undefined when unreadable. */
export function readSourceFrom(cwd: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return readFileSync(resolve(cwd, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Prints diagnostics to a stream with code frames read from the files they name. */
export function printDiagnostics(
  stream: NodeJS.WritableStream,
  diagnostics: readonly Diagnostic[],
  cwd: string,
): void {
  if (diagnostics.length === 0) return;
  stream.write(`${formatDiagnostics(diagnostics, readSourceFrom(cwd))}\n`);
}
