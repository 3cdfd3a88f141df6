import { resolve } from 'node:path';
import { DiagnosticError, hasErrors } from '@charter/diagnostics';
import { compileIdlFile } from '@charter/idl';
import { type Schema, simpleNameOf } from '@charter/schema';
import { UsageError } from '../../command.js';
import { CliCode } from '../../project/codes.js';
import { relativeLocator, shownDiagnostic } from '../../project/paths.js';
import { type LoadedSchema, loadAvsc } from './schema-source.js';

const AVDL = /^(.*\.avdl)(?::([^:/\\]+))?$/;

function notFound(message: string, file: string, hint: string): DiagnosticError {
  return new DiagnosticError([{ code: CliCode.NoSuchType, severity: 'error', message, file, hint }]);
}

/** The named type `name` (full or unique simple name) of an IDL compilation. */
function pickType(types: ReadonlyMap<string, Schema>, name: string, file: string): Schema {
  const exact = types.get(name);
  if (exact) return exact;
  const bySimple = [...types.keys()].filter((k) => simpleNameOf(k) === name);
  const known = [...types.keys()].join(', ') || '(none)';
  if (bySimple.length === 1) return types.get(bySimple[0]!)!;
  if (bySimple.length > 1)
    throw notFound(`${name} is ambiguous in ${file}`, file, `use a full name: ${bySimple.join(', ')}`);
  throw notFound(`${file} defines no type ${name}`, file, `types: ${known}`);
}

function loadAvdl(
  file: string,
  typeName: string | undefined,
  cwd: string,
  importPaths: string[],
): LoadedSchema {
  const result = compileIdlFile(resolve(cwd, file), { importPaths: importPaths.map((p) => resolve(cwd, p)) });
  const diagnostics = result.diagnostics.map((d) => shownDiagnostic(d, cwd));
  if (hasErrors(diagnostics)) throw new DiagnosticError(diagnostics);
  let schema: Schema | undefined;
  if (typeName !== undefined) schema = pickType(result.types, typeName, file);
  else if (result.mainSchema) schema = result.mainSchema;
  else {
    throw notFound(
      `${file} has no main schema (\`schema T;\`)`,
      file,
      `name a type: ${file}:TypeName (types: ${[...result.types.keys()].join(', ') || 'none'})`,
    );
  }
  return {
    schema,
    label: typeName === undefined ? file : `${file}:${typeName}`,
    locator: relativeLocator(result.sourceMap, cwd),
    warnings: diagnostics.filter((d) => d.severity !== 'error'),
  };
}

/**
 * Loads `FILE.avsc`, `FILE.avdl` (its main schema, `schema T;`) or `FILE.avdl:TypeName` (a named type of
 * the file or its imports, by full name or unique simple name).
 */
export async function loadSchemaArgument(
  arg: string,
  cwd: string,
  importPaths: string[] = [],
): Promise<LoadedSchema> {
  const avdl = AVDL.exec(arg);
  if (avdl) return loadAvdl(avdl[1]!, avdl[2], cwd, importPaths);
  if (!arg.endsWith('.avsc') && !arg.endsWith('.json')) {
    throw new UsageError(`${arg}: expected FILE.avsc, FILE.avdl or FILE.avdl:TypeName`);
  }
  return loadAvsc(arg, cwd);
}
