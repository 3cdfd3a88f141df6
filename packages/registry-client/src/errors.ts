/**
 * An error answered by the registry (`status` ≥ 400, `errorCode` from the body's `error_code`), or a
 * failure to reach it (`status` 0). The message never contains credentials.
 */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';

  constructor(
    /** HTTP status; 0 when no answer was received. */
    readonly status: number,
    /** Confluent `error_code` (e.g. 40401), or the status when the body had none. */
    readonly errorCode: number,
    message: string,
    /** The request, as `METHOD /path` (no host, no credentials). */
    readonly request?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Confluent's field name, for code written against other clients. */
  get error_code(): number {
    return this.errorCode;
  }
}

/** Subject, version or schema not found (HTTP 404). */
export function isNotFound(error: unknown): error is RegistryError {
  return error instanceof RegistryError && error.status === 404;
}
