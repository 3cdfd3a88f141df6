// Starts and stops a throwaway Verdaccio (the npm registry of release rehearsals and the end-to-end test).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');

function verdaccioBin() {
  const require = createRequire(join(repoRoot, 'package.json'));
  const manifestPath = require.resolve('verdaccio/package.json');
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin.verdaccio);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntilUp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(`${url}/-/ping`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  return false;
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts Verdaccio on 127.0.0.1 and a free port with its storage in `dir` (a new temporary directory by
 * default). Resolves once it answers /-/ping; `stop()` ends it (by its pid) and waits for the exit.
 */
export async function startVerdaccio(options = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'charter-verdaccio-'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(here, 'config.yaml'), join(dir, 'config.yaml'));
  const bin = verdaccioBin();
  let lastLog = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const log = openSync(join(dir, 'verdaccio.log'), 'a');
    const child = spawn(
      process.execPath,
      [bin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
      {
        cwd: dir,
        stdio: ['ignore', log, log],
      },
    );
    // never outlive the process that started it, even when that one ends without calling stop()
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    if (await waitUntilUp(url, child, options.timeoutMs ?? 60_000)) {
      const stop = () => stopChild(child).then(() => void process.off('exit', orphan));
      return { url, port, dir, pid: child.pid, stop };
    }
    process.off('exit', orphan);
    await stopChild(child);
    lastLog = readFileSync(join(dir, 'verdaccio.log'), 'utf8');
    if (options.port) break; // a fixed port that is taken stays taken
  }
  throw new Error(`verdaccio did not start:\n${lastLog}`);
}
