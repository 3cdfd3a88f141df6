import type { DeadLetterReason } from '../dlt/dlt-headers.js';

/**
 * Thrown by a `decode` function for a record that can never be decoded. The kit does not retry it: the
 * record goes to the dead-letter topic with reason `decode-failure` or `unknown-schema`. Other errors
 * thrown by `decode` are classified the same way (see `classifyDecodeError`).
 */
export class DecodeFailure extends Error {
  override name = 'DecodeError';
  readonly reason: 'decode-failure' | 'unknown-schema';
  readonly schemaId: number | undefined;
  /** True when the record key, not its value, failed. */
  readonly keyError: boolean;

  constructor(
    message: string,
    options: {
      reason?: 'decode-failure' | 'unknown-schema';
      schemaId?: number;
      keyError?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason ?? 'decode-failure';
    this.schemaId = options.schemaId;
    this.keyError = options.keyError ?? false;
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * True for an error that says a dependency of `decode` is unavailable, not that the record is bad: a
 * registry that did not answer (`status` 0), answered 429 or 5xx, a network error code, a timeout. The kit
 * never dead-letters a record for these; the error goes to the client, which fetches the batch again.
 */
export function isTransientDecodeError(error: unknown): boolean {
  if (error instanceof DecodeFailure) return false;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { status?: unknown; code?: unknown; name?: unknown; cause?: unknown };
  if (typeof e.status === 'number' && (e.status === 0 || e.status === 429 || e.status >= 500)) return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  return e.cause !== undefined && e.cause !== error && isTransientDecodeError(e.cause);
}

/**
 * Maps any error from `decode` to a dead-letter reason. Besides `DecodeFailure`, it recognises errors that
 * carry a numeric `schemaId` and a registry "not found" (`status` 404 or error code 40403) as
 * `unknown-schema`, which is what a serde reports for an id the registry does not know.
 */
export function classifyDecodeError(error: unknown): {
  reason: Extract<DeadLetterReason, 'decode-failure' | 'unknown-schema'>;
  schemaId?: number;
  keyError?: boolean;
} {
  if (error instanceof DecodeFailure) {
    const out: { reason: 'decode-failure' | 'unknown-schema'; schemaId?: number; keyError?: boolean } = {
      reason: error.reason,
      keyError: error.keyError,
    };
    if (error.schemaId !== undefined) out.schemaId = error.schemaId;
    return out;
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    schemaId?: unknown;
    status?: unknown;
    errorCode?: unknown;
    code?: unknown;
  };
  const schemaId = typeof e.schemaId === 'number' ? e.schemaId : undefined;
  const unknown =
    e.status === 404 || e.errorCode === 40403 || e.code === 40403 || e.code === 'unknown-schema';
  const reason = unknown ? 'unknown-schema' : 'decode-failure';
  return schemaId === undefined ? { reason } : { reason, schemaId };
}
