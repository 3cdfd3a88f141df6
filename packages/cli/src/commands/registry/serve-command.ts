import { resolve } from 'node:path';
import { DiagnosticError } from '@charter/diagnostics';
import { startRegistryServer } from '@charter/registry-server';
import { type Command, ExitCode, flagOption, stringOption, UsageError } from '../../command.js';
import { RegistryCode } from './codes.js';

/** Where `--data` points by default, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.charter/registry';

function port(text: string | undefined): number {
  if (text === undefined) return 8081;
  const n = Number(text);
  if (!/^[0-9]+$/.test(text) || n > 65535) throw new UsageError(`--port must be 0..65535, not ${text}`);
  return n;
}

/** Resolves on SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      done(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

const command: Command = {
  name: 'registry serve',
  summary:
    'Run the embedded Confluent-compatible schema registry (REST API of Confluent 7.x; storage: an fsynced append-only log in --data)',
  usage: '[--host 127.0.0.1] [--port 8081] [--data DIR] [--quiet]',
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('registry serve takes no arguments');
    const dataDir = resolve(ctx.cwd, stringOption(ctx, 'data') ?? DEFAULT_DATA_DIR);
    let registry: Awaited<ReturnType<typeof startRegistryServer>>;
    try {
      registry = await startRegistryServer({
        host: stringOption(ctx, 'host') ?? '127.0.0.1',
        port: port(stringOption(ctx, 'port')),
        dataDir,
        quiet: flagOption(ctx, 'quiet'),
        log: (line) => ctx.stdout.write(`${line}\n`),
        warn: (line) => ctx.stderr.write(`${line}\n`),
      });
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new DiagnosticError([
        {
          code: RegistryCode.ServeFailed,
          severity: 'error',
          message: `cannot start the registry: ${(error as Error).message}`,
          file: dataDir,
        },
      ]);
    }
    ctx.stdout.write(
      `charter registry listening on ${registry.url} (data ${registry.dataDir}, ${registry.replayed} records replayed)\n`,
    );
    const signal = await untilStopped();
    await registry.close();
    ctx.stdout.write(`charter registry stopped (${signal})\n`);
    return ExitCode.Ok;
  },
};

export default command;
