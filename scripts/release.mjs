#!/usr/bin/env node
// `pnpm release [--registry URL] [--tag TAG] [--no-publish]`: versions the event packages from the
// changesets (refusing any that under-declare a schema change), records releases/<version>.avsc,
// refreshes the lock file, builds, and publishes the event packages and their runtime to the registry
// given by --registry, CHARTER_PUBLISH_REGISTRY or NPM_CONFIG_REGISTRY. See docs/releasing.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    registry: { type: 'string' },
    tag: { type: 'string' },
    'no-publish': { type: 'boolean' },
  },
});

const registry =
  values.registry ??
  ['CHARTER_PUBLISH_REGISTRY', 'NPM_CONFIG_REGISTRY', 'npm_config_registry']
    .map((name) => process.env[name]?.trim())
    .find(Boolean);
const publish = !values['no-publish'];
if (publish && !registry) {
  process.stderr.write(
    'release: no registry to publish to: pass --registry URL, set CHARTER_PUBLISH_REGISTRY or NPM_CONFIG_REGISTRY, or use --no-publish\n',
  );
  process.exit(2);
}

const steps = [
  // charter itself must run: build the CLI and what it depends on (cached by turbo when unchanged)
  ['toolchain', 'pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@charter/cli']],
  ['version', 'pnpm', ['exec', 'charter', 'release', 'version']],
  // --no-frozen-lockfile: on CI (CI=true) pnpm would otherwise refuse to touch the lock file
  ['lockfile', 'pnpm', ['install', '--lockfile-only', '--no-frozen-lockfile']],
  ['build', 'pnpm', ['run', 'build']],
];
if (publish) {
  const args = ['exec', 'charter', 'release', 'publish', '--registry', registry];
  if (values.tag) args.push('--tag', values.tag);
  steps.push(['publish', 'pnpm', args]);
}

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: process.env.TURBO_TELEMETRY_DISABLED ?? '1' };
const timings = [];
const started = performance.now();
for (const [name, command, args] of steps) {
  process.stderr.write(`release: ${name}: ${command} ${args.join(' ')}\n`);
  const t = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  timings.push(`${name} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (result.error || result.status !== 0) {
    process.stderr.write(`release: ${name} failed${result.error ? `: ${result.error.message}` : ''}\n`);
    process.exit(result.status || 1);
  }
}
const total = ((performance.now() - started) / 1000).toFixed(1);
process.stderr.write(`release: done in ${total} s (${timings.join(', ')})\n`);
