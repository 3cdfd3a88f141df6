import { parseArgs } from 'node:util';
import { DiagnosticError } from '@charter/diagnostics';
import { type Command, type CommandContext, ExitCode, UsageError } from './command.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';
import { printDiagnostics } from './output.js';

export interface MainIO {
  cwd?: string;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

function findCommand(argv: string[]): { entry: CommandEntry; rest: string[] } | undefined {
  let best: { entry: CommandEntry; rest: string[] } | undefined;
  for (const entry of COMMANDS) {
    const words = entry.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.entry.name.split(' ').length)) {
      best = { entry, rest: argv.slice(words.length) };
    }
  }
  return best;
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: charter <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `charter <command> --help` for the options of a command.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    return `  ${short}--${name}${spec.type === 'string' ? ' VALUE' : ''}${spec.multiple ? '...' : ''}`;
  });
  return [
    `Usage: charter ${command.name} ${command.usage}`,
    '',
    command.summary,
    ...(options.length ? ['', 'Options:', ...options] : []),
  ].join('\n');
}

/** Runs the charter command line; returns the exit code. */
export async function main(argv: string[], io: MainIO = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const cwd = io.cwd ?? process.cwd();
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    stdout.write(`${help()}\n`);
    return argv.length === 0 ? ExitCode.Usage : ExitCode.Ok;
  }
  if (argv[0] === '--version') {
    const { createRequire } = await import('node:module');
    stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`);
    return ExitCode.Ok;
  }
  const found = findCommand(argv);
  if (!found) {
    stderr.write(`charter: unknown command "${argv[0]}"\n\n${help()}\n`);
    return ExitCode.Usage;
  }
  const command = (await found.entry.load()).default;
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    stdout.write(`${commandHelp(command)}\n`);
    return ExitCode.Ok;
  }
  let ctx: CommandContext;
  try {
    const parsed = parseArgs({
      args: found.rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    ctx = { values: parsed.values, positionals: parsed.positionals, cwd, stdout, stderr };
  } catch (error) {
    stderr.write(`charter ${command.name}: ${(error as Error).message}\n\n${commandHelp(command)}\n`);
    return ExitCode.Usage;
  }
  try {
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`charter ${command.name}: ${error.message}\n\n${commandHelp(command)}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof DiagnosticError) {
      printDiagnostics(stderr, error.diagnostics, cwd);
      return ExitCode.Failure;
    }
    throw error;
  }
}
