#!/usr/bin/env node
// A throwaway npm registry for a release rehearsal: `node scripts/verdaccio/start.mjs [--port 4873]`,
// then `CHARTER_PUBLISH_REGISTRY=<url> pnpm release` in another shell. Ctrl-C stops it and removes its
// storage (unless --dir named one).
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startVerdaccio } from './verdaccio.mjs';

const { values } = parseArgs({ options: { port: { type: 'string' }, dir: { type: 'string' } } });
const registry = await startVerdaccio({
  ...(values.port ? { port: Number(values.port) } : {}),
  ...(values.dir ? { dir: values.dir } : {}),
});
process.stdout.write(`verdaccio ${registry.url} (pid ${registry.pid}, storage ${registry.dir})\n`);
const stop = async () => {
  await registry.stop();
  if (!values.dir) rmSync(registry.dir, { recursive: true, force: true }); // a temporary one of ours
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
