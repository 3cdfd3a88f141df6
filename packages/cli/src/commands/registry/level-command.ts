import { isCompatibilityLevel } from '@charter/compat';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel, isNotFound } from '@charter/registry-client';
import { type Command, ExitCode, flagOption, UsageError } from '../../command.js';
import { printDiagnostics } from '../../output.js';
import { RegistryCode } from './codes.js';
import {
  clientFor,
  isRegistryError,
  noUrlDiagnostic,
  registryDiagnostic,
  registryUrl,
} from './registry-access.js';

/** A level as the registry reads one: surrounding white space ignored, any letter case. */
export function parseLevel(text: string): CompatibilityLevel | undefined {
  const level = text.trim().toUpperCase();
  return isCompatibilityLevel(level) ? level : undefined;
}

const command: Command = {
  name: 'registry level',
  summary:
    "Print a subject's compatibility level (its own, or the global one it falls back to), or set its own",
  usage: 'SUBJECT [LEVEL] [--registry URL] [--json]',
  options: { registry: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const [subject, levelText, ...extra] = ctx.positionals;
    if (!subject || extra.length > 0) throw new UsageError('expected SUBJECT and an optional LEVEL');
    let level: CompatibilityLevel | undefined;
    if (levelText !== undefined) {
      level = parseLevel(levelText);
      if (!level) {
        printDiagnostics(
          ctx.stderr,
          [
            {
              code: RegistryCode.InvalidLevel,
              severity: 'error',
              message: `not a compatibility level: ${levelText}`,
              hint: `one of ${COMPATIBILITY_LEVELS.join(', ')}`,
            },
          ],
          ctx.cwd,
        );
        return ExitCode.Usage;
      }
    }
    const url = registryUrl(ctx);
    if (!url) {
      printDiagnostics(ctx.stderr, [noUrlDiagnostic()], ctx.cwd);
      return ExitCode.Usage;
    }
    const client = clientFor(url);
    try {
      let source: 'subject' | 'global';
      let effective: CompatibilityLevel;
      if (level) {
        await client.setConfig(subject, level);
        effective = level;
        source = 'subject';
      } else {
        try {
          const own = await client.getConfig(subject);
          effective = own.compatibilityLevel ?? (await client.getCompatibilityLevel(subject));
          source = own.compatibilityLevel ? 'subject' : 'global';
        } catch (error) {
          if (!isNotFound(error)) throw error;
          effective = await client.getCompatibilityLevel();
          source = 'global';
        }
      }
      if (flagOption(ctx, 'json')) {
        ctx.stdout.write(`${JSON.stringify({ subject, level: effective, source })}\n`);
      } else {
        ctx.stdout.write(`${subject} ${effective}${source === 'global' ? ' (global)' : ''}\n`);
      }
      return ExitCode.Ok;
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      const what = level ? `cannot set the level of ${subject}` : `cannot read the level of ${subject}`;
      printDiagnostics(ctx.stderr, [registryDiagnostic(error, what)], ctx.cwd);
      return ExitCode.Failure;
    }
  },
};

export default command;
