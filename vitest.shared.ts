import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Tests import sibling packages from their sources, so a test run never needs a stale dist/:
 * `@charter/x` is packages/x/src/index.ts and a subpath `@charter/x/y` is packages/x/src/y.ts.
 */
function workspaceAliases(): { find: RegExp; replacement: string }[] {
  const names = readdirSync(join(root, 'packages')).join('|');
  return [
    {
      find: new RegExp(`^@charter/(${names})/(.+)$`),
      replacement: join(root, 'packages', '$1', 'src', '$2.ts'),
    },
    {
      find: new RegExp(`^@charter/(${names})$`),
      replacement: join(root, 'packages', '$1', 'src', 'index.ts'),
    },
  ];
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
