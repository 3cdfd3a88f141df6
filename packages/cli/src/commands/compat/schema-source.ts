import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { avscSourceLocator, type SourceLocator } from '@charter/compat';
import { type Diagnostic, DiagnosticError } from '@charter/diagnostics';
import { parseSchemaText, type Schema } from '@charter/schema';
import { CliCode } from '../../project/codes.js';

/** A schema read for the CLI, with where its types are written. */
export interface LoadedSchema {
  schema: Schema;
  /** What to call it in reports (the argument as given). */
  label: string;
  locator: SourceLocator | undefined;
  warnings: Diagnostic[];
}

function cannotRead(file: string): DiagnosticError {
  return new DiagnosticError([
    { code: CliCode.CannotRead, severity: 'error', message: `cannot read ${file}`, file },
  ]);
}

/**
 * Reads a .avsc file. Names and defaults are not validated: the compatibility check ignores default
 * values and Confluent parses stored versions leniently, so only structural errors stop the command.
 */
export function loadAvsc(file: string, cwd: string): LoadedSchema {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw cannotRead(file);
  }
  const result = parseSchemaText(text, { file, validateNames: false, validateDefaults: false });
  if (!result.schema) throw new DiagnosticError(result.diagnostics);
  return {
    schema: result.schema,
    label: file,
    locator: avscSourceLocator(text, file),
    warnings: result.diagnostics.filter((d) => d.severity !== 'error'),
  };
}
