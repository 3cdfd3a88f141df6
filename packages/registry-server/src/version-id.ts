import { Errors } from './errors.js';

export const MAX_VERSION = 2 ** 31 - 1;

/** A version path segment: a number in [1, 2^31-1], `latest` (any case, trimmed) or `-1` (latest). */
export type VersionId = number | 'latest';

export function parseVersionId(text: string): VersionId {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'latest' || trimmed === '-1') return 'latest';
  if (/^[0-9]+$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n >= 1 && n <= MAX_VERSION) return n;
  }
  throw Errors.invalidVersion(text);
}
