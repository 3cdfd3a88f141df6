import { isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '@charter/diagnostics';
import { compileIdlFile, type IdlResult } from '@charter/idl';
import { type CommandContext, importPaths } from '../../command.js';
import { printDiagnostics } from '../../output.js';

/** Diagnostics name files relative to the working directory when they are inside it. */
function relativeTo(cwd: string, d: Diagnostic): Diagnostic {
  if (d.file === undefined || !isAbsolute(d.file)) return d;
  const rel = relative(cwd, d.file);
  return rel.startsWith('..') || isAbsolute(rel) ? d : { ...d, file: rel };
}

/** Compiles the command's IDL file and prints its diagnostics (warnings included) to stderr. */
export function compileInput(ctx: CommandContext, file: string): IdlResult {
  const result = compileIdlFile(resolve(ctx.cwd, file), { importPaths: importPaths(ctx) });
  printDiagnostics(
    ctx.stderr,
    result.diagnostics.map((d) => relativeTo(ctx.cwd, d)),
    ctx.cwd,
  );
  return result;
}
