import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '@charter/compat';
import { Errors } from './errors.js';

export { COMPATIBILITY_LEVELS, type CompatibilityLevel };

export const DEFAULT_LEVEL: CompatibilityLevel = 'BACKWARD';

/**
 * The registry's modes. @charter/registry-client spells the same list out (it has no dependencies);
 * test/levels-and-modes.test.ts keeps the two equal.
 */
export const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'] as const;
export type Mode = (typeof MODES)[number];

/** A level from a request: case-insensitive, 42203 otherwise. */
export function parseLevel(value: unknown): CompatibilityLevel {
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if ((COMPATIBILITY_LEVELS as readonly string[]).includes(upper)) return upper as CompatibilityLevel;
  }
  throw Errors.invalidCompatibility();
}

/** A mode from a request: case-insensitive, 42204 otherwise. */
export function parseMode(value: unknown): Mode {
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if ((MODES as readonly string[]).includes(upper)) return upper as Mode;
  }
  throw Errors.invalidMode();
}

export function isReadOnly(mode: Mode): boolean {
  return mode === 'READONLY' || mode === 'READONLY_OVERRIDE';
}
