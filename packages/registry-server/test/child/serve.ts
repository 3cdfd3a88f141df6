// A registry server in its own process (for kill -9 tests): prints `READY <url>` once listening.
import { startRegistryServer } from '../../src/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: serve.ts DATA_DIR');
const registry = await startRegistryServer({ dataDir, port: 0, quiet: true });
process.stdout.write(`READY ${registry.url}\n`);
process.on('SIGTERM', () => {
  void registry.close().then(() => process.exit(0));
});
