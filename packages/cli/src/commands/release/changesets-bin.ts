import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The `changeset` program of @changesets/cli: the project's own (a devDependency of its root), else the
 * one installed next to charter.
 */
export function findChangesetsBin(root: string): string | undefined {
  const from = [createRequire(join(root, 'package.json')), createRequire(import.meta.url)];
  for (const require of from) {
    try {
      const manifestPath = require.resolve('@changesets/cli/package.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        bin?: string | Record<string, string>;
      };
      const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.changeset;
      if (bin) return join(dirname(manifestPath), bin);
    } catch {
      // not installed there
    }
  }
  return undefined;
}
