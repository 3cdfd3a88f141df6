import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagnosticError, hasErrors } from '@charter/diagnostics';
import { fingerprints, parseSchemaText, parsingCanonicalForm } from '@charter/schema';
import { type Command, ExitCode, flagOption, UsageError } from '../command.js';
import { printDiagnostics } from '../output.js';
import { CliCode } from '../project/codes.js';

const command: Command = {
  name: 'fingerprint',
  summary:
    'Print the Parsing Canonical Form and the CRC-64-AVRO, MD5 and SHA-256 fingerprints of a .avsc file',
  usage: 'FILE.avsc [--json]',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const [file] = ctx.positionals;
    if (!file || ctx.positionals.length > 1) throw new UsageError('expected exactly one .avsc file');
    let text: string;
    try {
      text = readFileSync(resolve(ctx.cwd, file), 'utf8');
    } catch {
      throw new DiagnosticError([
        { code: CliCode.CannotRead, severity: 'error', message: `cannot read ${file}`, file },
      ]);
    }
    const result = parseSchemaText(text, { file });
    printDiagnostics(ctx.stderr, result.diagnostics, ctx.cwd);
    if (!result.schema || hasErrors(result.diagnostics)) return ExitCode.Failure;
    const canonical = parsingCanonicalForm(result.schema);
    const f = fingerprints(result.schema);
    const crc64 = BigInt.asIntN(64, f.crc64).toString();
    if (flagOption(ctx, 'json')) {
      ctx.stdout.write(
        `${JSON.stringify({ canonical, crc64, crc64Hex: f.crc64Hex, md5: f.md5, sha256: f.sha256 }, null, 2)}\n`,
      );
    } else {
      ctx.stdout.write(
        `${canonical}\ncrc64   ${crc64} (${f.crc64Hex})\nmd5     ${f.md5}\nsha256  ${f.sha256}\n`,
      );
    }
    return ExitCode.Ok;
  },
};

export default command;
