import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

const shared = sharedTestConfig(import.meta.dirname);

// The contract package from its generated source, so the test needs no build of generated/.
export default defineConfig({
  ...shared,
  resolve: {
    alias: {
      ...(shared.resolve?.alias as Record<string, string>),
      '@acme-events/order-placed': join(import.meta.dirname, '../../generated/order-placed/src/index.ts'),
    },
  },
});
