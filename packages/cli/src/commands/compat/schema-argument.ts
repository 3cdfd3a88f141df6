import { DiagnosticError } from '@charter/diagnostics';
import { UsageError } from '../../command.js';
import { type LoadedSchema, loadAvsc } from './schema-source.js';

/**
 * Loads `FILE.avsc`, `FILE.avdl` (its main schema) or `FILE.avdl:TypeName` (a named type of the file,
 * by full or simple name).
 */
export async function loadSchemaArgument(arg: string, cwd: string): Promise<LoadedSchema> {
  const avdl = /^(.*\.avdl)(?::([^:/\\]+))?$/.exec(arg);
  if (avdl) {
    throw new DiagnosticError([
      {
        code: 'CLI002',
        severity: 'error',
        message: `${avdl[1]}: IDL input needs @charter/idl, which is not built yet`,
      },
    ]);
  }
  if (!arg.endsWith('.avsc') && !arg.endsWith('.json')) {
    throw new UsageError(`${arg}: expected FILE.avsc, FILE.avdl or FILE.avdl:TypeName`);
  }
  return loadAvsc(arg, cwd);
}
