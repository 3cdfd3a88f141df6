import { delimiter, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What a command sees: parsed options and positionals, and where to write. */
export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Command {
  /** Words after `charter`, e.g. `registry serve`. */
  name: string;
  summary: string;
  /** Usage line after `charter <name>`, e.g. `FILE [--import-path DIR]... [-o OUT]`. */
  usage: string;
  options: OptionSpec;
  /** Returns the process exit code: 0 ok, 1 failure, 2 usage or configuration error. */
  run(ctx: CommandContext): Promise<number>;
}

/** Thrown for a usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

export const ExitCode = { Ok: 0, Failure: 1, Usage: 2 } as const;

/** Option readers that turn parseArgs' loose values into what a command expects. */
export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function stringsOption(ctx: CommandContext, name: string): string[] {
  const v = ctx.values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

export function flagOption(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}

/**
 * `--import-path`, absolute: the option may repeat, and each value may hold several directories joined
 * by the path delimiter (`a:b`), as Avro's classpath does.
 */
export function importPaths(ctx: CommandContext): string[] {
  return stringsOption(ctx, 'import-path')
    .flatMap((value) => value.split(delimiter))
    .filter((dir) => dir !== '')
    .map((dir) => resolve(ctx.cwd, dir));
}
