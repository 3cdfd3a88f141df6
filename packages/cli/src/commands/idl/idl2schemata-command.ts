import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiagnosticError } from '@charter/diagnostics';
import { idlToSchemata } from '@charter/idl';
import { type Command, ExitCode, UsageError } from '../../command.js';
import { CliCode } from '../../project/codes.js';
import { writeFilesAtomically } from '../../project/write-atomic.js';
import { compileInput } from './compile-input.js';

const command: Command = {
  name: 'idl2schemata',
  summary:
    'Write one pretty-printed <Name>.avsc per named type of an Avro IDL file (imported types included), as avro-tools idl2schemata does',
  usage: 'FILE OUTDIR [--import-path DIR]...',
  options: { 'import-path': { type: 'string', multiple: true } },
  async run(ctx) {
    const [file, outDir] = ctx.positionals;
    if (!file || !outDir || ctx.positionals.length > 2) {
      throw new UsageError('expected an .avdl file and an output directory');
    }
    const result = compileInput(ctx, file);
    if (result.json === undefined) return ExitCode.Failure;
    const dir = resolve(ctx.cwd, outDir);
    try {
      mkdirSync(dir, { recursive: true });
      writeFilesAtomically(idlToSchemata(result).map((s) => ({ path: join(dir, s.fileName), text: s.text })));
    } catch (error) {
      throw new DiagnosticError([
        {
          code: CliCode.CannotRead,
          severity: 'error',
          message: `cannot write to ${outDir}: ${(error as Error).message}`,
          file: outDir,
        },
      ]);
    }
    return ExitCode.Ok;
  },
};

export default command;
