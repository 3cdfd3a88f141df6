import { COMPATIBILITY_LEVELS as CLIENT_LEVELS, MODES as CLIENT_MODES } from '@charter/registry-client';
import { describe, expect, it } from 'vitest';
import { COMPATIBILITY_LEVELS, MODES, parseLevel, parseMode } from '../src/levels.js';

describe('levels and modes', () => {
  it('are the same lists in the server and in the dependency-free registry client', () => {
    expect([...CLIENT_LEVELS]).toEqual([...COMPATIBILITY_LEVELS]);
    expect([...CLIENT_MODES]).toEqual([...MODES]);
  });

  it('parse case-insensitively from requests', () => {
    for (const level of CLIENT_LEVELS) expect(parseLevel(` ${level.toLowerCase()} `)).toBe(level);
    for (const mode of CLIENT_MODES) expect(parseMode(mode.toLowerCase())).toBe(mode);
    expect(() => parseMode('WRITE')).toThrow();
  });
});
