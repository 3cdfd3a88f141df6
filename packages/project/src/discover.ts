import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .avdl file under `dir`, recursively, sorted by path; hidden folders and node_modules skipped. */
export function findIdlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && e.name.endsWith('.avdl')) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}
