import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));

/** Tests import sibling packages from their sources, so a test run never needs a stale dist/. */
function workspaceAliases(): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const name of readdirSync(join(root, 'packages'))) {
    aliases[`@charter/${name}`] = join(root, 'packages', name, 'src', 'index.ts');
  }
  return aliases;
}

export function sharedTestConfig(packageDir: string): UserConfig {
  return {
    root: packageDir,
    resolve: { alias: workspaceAliases() },
    test: {
      include: ['test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}
