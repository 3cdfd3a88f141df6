import { checkSchemas, formatFindings, pairFindings } from '@charter/compat';
import { type Command, ExitCode, flagOption, importPaths, stringOption, UsageError } from '../../command.js';
import { findingJson } from '../../finding-json.js';
import { printDiagnostics, readSourceFrom } from '../../output.js';
import { loadSchemaArgument } from './schema-argument.js';

const command: Command = {
  name: 'compat',
  summary: 'Check that a reader schema can read everything a writer schema writes (Avro/Confluent rules)',
  usage:
    '--reader SCHEMA --writer SCHEMA [--import-path DIR]... [--json]   (SCHEMA: FILE.avsc, FILE.avdl or FILE.avdl:TypeName)',
  options: {
    reader: { type: 'string' },
    writer: { type: 'string' },
    'import-path': { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const readerArg = stringOption(ctx, 'reader');
    const writerArg = stringOption(ctx, 'writer');
    if (!readerArg || !writerArg) throw new UsageError('give both --reader and --writer');
    if (ctx.positionals.length > 0) throw new UsageError(`unexpected argument ${ctx.positionals[0]}`);
    const paths = importPaths(ctx);
    const reader = await loadSchemaArgument(readerArg, ctx.cwd, paths);
    const writer = await loadSchemaArgument(writerArg, ctx.cwd, paths);
    printDiagnostics(ctx.stderr, [...reader.warnings, ...writer.warnings], ctx.cwd);
    const result = checkSchemas(reader.schema, writer.schema);
    const findings = pairFindings(result, {
      labels: { reader: reader.label, writer: writer.label },
      readerSource: reader.locator,
      writerSource: writer.locator,
    });
    if (flagOption(ctx, 'json')) {
      ctx.stdout.write(
        `${JSON.stringify({ compatible: result.compatible, incompatibilities: findings.map(findingJson) }, null, 2)}\n`,
      );
    } else if (result.compatible) {
      ctx.stdout.write(`compatible: ${reader.label} can read everything written with ${writer.label}\n`);
    } else {
      ctx.stderr.write(`${formatFindings(findings, { readSource: readSourceFrom(ctx.cwd) })}\n`);
      ctx.stderr.write(`incompatible: ${findings.length} problem${findings.length === 1 ? '' : 's'}\n`);
    }
    return result.compatible ? ExitCode.Ok : ExitCode.Failure;
  },
};

export default command;
