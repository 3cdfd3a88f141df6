import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Diagnostic, formatDiagnostics } from '@charter/diagnostics';

/** Prints diagnostics to a stream with code frames read from the files they name. */
export function printDiagnostics(
  stream: NodeJS.WritableStream,
  diagnostics: readonly Diagnostic[],
  cwd: string,
): void {
  if (diagnostics.length === 0) return;
  const text = formatDiagnostics(diagnostics, (file) => {
    try {
      return readFileSync(resolve(cwd, file), 'utf8');
    } catch {
      return undefined;
    }
  });
  stream.write(`${text}\n`);
}
