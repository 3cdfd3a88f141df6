import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads a file named in a finding (relative to `cwd`) for its code frame; undefined when unreadable. */
export function readSourceFrom(cwd: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return readFileSync(resolve(cwd, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}
