import { join } from 'node:path';
import { CONFIG_FILE, loadContractIndex } from '@charter/config';
import type { Diagnostic } from '@charter/diagnostics';
import { findProjectRoot } from '@charter/project';
import { REGISTRY_ENV, RegistryClient, RegistryError } from '@charter/registry-client';
import { type CommandContext, stringOption } from '../../command.js';
import { RegistryCode } from './codes.js';

/** `--registry`, then CHARTER_REGISTRY_URL, then charter.yaml's `registry` (the project's, if any). */
export function registryUrl(ctx: CommandContext, fromIndex?: string): string | undefined {
  const option = stringOption(ctx, 'registry');
  if (option) return option;
  const env = process.env[REGISTRY_ENV.url];
  if (env) return env;
  if (fromIndex !== undefined) return fromIndex;
  const root = findProjectRoot(ctx.cwd);
  return root ? loadContractIndex(join(root, CONFIG_FILE)).index?.registryUrl : undefined;
}

export function noUrlDiagnostic(): Diagnostic {
  return {
    code: RegistryCode.NoUrl,
    severity: 'error',
    message: 'no schema registry URL',
    hint: `pass --registry URL, set ${REGISTRY_ENV.url}, or set registry.url in charter.yaml`,
  };
}

/** A client for the URL; credentials come from CHARTER_REGISTRY_USER/PASSWORD or CHARTER_REGISTRY_TOKEN. */
export function clientFor(url: string): RegistryClient {
  return new RegistryClient({ url, retries: 2 });
}

/** A registry failure as a diagnostic (its message never holds credentials). */
export function registryDiagnostic(error: RegistryError, what: string, file?: string): Diagnostic {
  const d: Diagnostic =
    error.status === 0
      ? {
          code: RegistryCode.Unreachable,
          severity: 'error',
          message: `${what}: ${error.message}`,
          hint: 'is the registry running? `charter registry serve` starts a local one',
        }
      : error.status === 409
        ? { code: RegistryCode.Incompatible, severity: 'error', message: `${what}: ${error.message}` }
        : {
            code: RegistryCode.Rejected,
            severity: 'error',
            message: `${what}: HTTP ${error.status}, error ${error.errorCode}: ${error.message}`,
          };
  if (file !== undefined) d.file = file;
  return d;
}

export function isRegistryError(error: unknown): error is RegistryError {
  return error instanceof RegistryError;
}
