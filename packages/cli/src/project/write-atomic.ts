import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes every file to a temporary name first, then renames them all: no half-written output. */
export function writeFilesAtomically(files: readonly { path: string; text: string }[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const { path, text } of files) {
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, text);
      temps.push({ temp, path });
    }
  } catch (error) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, path } of temps) renameSync(temp, path);
}
