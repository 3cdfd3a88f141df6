#!/usr/bin/env node
// `pnpm release [--registry URL] [--tag TAG] [--no-publish]`: versions the event packages from the
// changesets (refusing any that under-declare a schema change), records releases/<version>.avsc,
// refreshes the lock file, builds, and publishes the event packages and their runtime to the registry
// given by --registry, CHARTER_PUBLISH_REGISTRY or NPM_CONFIG_REGISTRY. See docs/releasing.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    registry: { type: 'string' },
    tag: { type: 'string' },
    'no-publish': { type: 'boolean' },
  },
});
const publish = !values['no-publish'];

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: process.env.TURBO_TELEMETRY_DISABLED ?? '1' };
const timings = [];
const started = performance.now();

function step(name, command, args) {
  process.stderr.write(`release: ${name}: ${command} ${args.join(' ')}\n`);
  const t = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  timings.push(`${name} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (result.error || result.status !== 0) {
    process.stderr.write(`release: ${name} failed${result.error ? `: ${result.error.message}` : ''}\n`);
    process.exit(result.status || 1);
  }
}

// charter itself must run: build the CLI and what it depends on (cached by turbo when unchanged)
step('toolchain', 'pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@charter/cli']);

// The registry is looked up as `charter release publish` looks it up, before anything is versioned.
const { publishRegistry, PUBLISH_REGISTRY_ENV } = await import(
  pathToFileURL(join(root, 'packages', 'cli', 'dist', 'index.js')).href
);
const registry = publishRegistry(values.registry, process.env);
if (publish && !registry) {
  process.stderr.write(
    `release: no registry to publish to: pass --registry URL, set ${PUBLISH_REGISTRY_ENV.slice(0, 2).join(' or ')}, or use --no-publish\n`,
  );
  process.exit(2);
}

step('version', 'pnpm', ['exec', 'charter', 'release', 'version']);
// --no-frozen-lockfile: on CI (CI=true) pnpm would otherwise refuse to touch the lock file
step('lockfile', 'pnpm', ['install', '--lockfile-only', '--no-frozen-lockfile']);
step('build', 'pnpm', ['run', 'build']);
if (publish) {
  const args = ['exec', 'charter', 'release', 'publish', '--registry', registry];
  if (values.tag) args.push('--tag', values.tag);
  step('publish', 'pnpm', args);
}
const total = ((performance.now() - started) / 1000).toFixed(1);
process.stderr.write(`release: done in ${total} s (${timings.join(', ')})\n`);
