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
