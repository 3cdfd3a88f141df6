import { resolve } from 'node:path';
import { DiagnosticError } from '@charter/diagnostics';
import { stringifyJsonPretty } from '@charter/schema';
import { type Command, ExitCode, stringOption, UsageError } from '../../command.js';
import { CliCode } from '../../project/codes.js';
import { writeFilesAtomically } from '../../project/write-atomic.js';
import { compileInput } from './compile-input.js';

const command: Command = {
  name: 'idl',
  summary:
    "Compile an Avro IDL file to exactly what Avro 1.12's idl tool prints: the protocol, the main schema of a schema-mode file, or the array of its named schemas",
  usage: 'FILE [--import-path DIR]... [-o OUT]',
  options: {
    'import-path': { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
  },
  async run(ctx) {
    const [file] = ctx.positionals;
    if (!file || ctx.positionals.length > 1) throw new UsageError('expected exactly one .avdl file');
    const result = compileInput(ctx, file);
    if (result.json === undefined) return ExitCode.Failure;
    const text = `${stringifyJsonPretty(result.json)}\n`;
    const out = stringOption(ctx, 'output');
    if (out === undefined || out === '-') {
      ctx.stdout.write(text);
      return ExitCode.Ok;
    }
    try {
      writeFilesAtomically([{ path: resolve(ctx.cwd, out), text }]);
    } catch (error) {
      throw new DiagnosticError([
        {
          code: CliCode.CannotRead,
          severity: 'error',
          message: `cannot write ${out}: ${(error as Error).message}`,
          file: out,
        },
      ]);
    }
    return ExitCode.Ok;
  },
};

export default command;
