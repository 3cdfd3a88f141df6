import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPgliteStore } from '../../src/index.js';

export interface PostgresInfo {
  /** Connection string of the `postgres` database on the test server, or undefined with `skip` set. */
  url?: string;
  skip?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgres: PostgresInfo;
  }
}

const PG_BIN = process.env['CHARTER_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

/** Polls the runner's pid; when it is gone, runs the stop command and removes the server's directory. */
const WATCHDOG = `
const [pid, cmd, ...args] = process.argv.slice(1);
const alive = () => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
setInterval(() => {
  if (alive()) return;
  require('node:child_process').spawnSync(cmd, args, { stdio: 'ignore' });
  require('node:fs').rmSync(process.env.CHARTER_PG_DIR, { recursive: true, force: true });
  process.exit(0);
}, 500);
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** PostgreSQL refuses to run as root: run its binaries as the `postgres` user when we are root. */
function asServerUser(cmd: string, args: string[]): { ok: boolean; output: string } {
  const root = userInfo().uid === 0;
  const r = root
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error?.message ?? ''}` };
}

async function startPostgres(): Promise<{ info: PostgresInfo; stop: () => void }> {
  const none = { stop: () => {} };
  if (!existsSync(join(PG_BIN, 'pg_ctl'))) {
    return { ...none, info: { skip: `no PostgreSQL binaries in ${PG_BIN} (apt-get install postgresql)` } };
  }
  if (userInfo().uid === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return { ...none, info: { skip: 'running as root and there is no postgres user to run the server as' } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'charter-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const init = asServerUser(join(PG_BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'charter',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-instructions',
  ]);
  if (!init.ok) {
    rmSync(dir, { recursive: true, force: true });
    return { ...none, info: { skip: `initdb failed: ${init.output.trim().split('\n').pop()}` } };
  }
  writeFileSync(join(dir, 'log'), '');
  chmodSync(join(dir, 'log'), 0o666);
  const start = asServerUser(join(PG_BIN, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c fsync=on`,
    '-w',
    'start',
  ]);
  if (!start.ok) {
    rmSync(dir, { recursive: true, force: true });
    return { ...none, info: { skip: `pg_ctl start failed: ${start.output.trim().split('\n').pop()}` } };
  }
  // The server is a daemon: a watchdog stops it when this runner goes away without its teardown (turbo
  // cancels a task with SIGTERM when another fails), or it would outlive the run.
  const watchdog = spawn(
    process.execPath,
    [
      '-e',
      WATCHDOG,
      String(process.pid),
      ...(userInfo().uid === 0 ? ['runuser', '-u', 'postgres', '--'] : []),
      join(PG_BIN, 'pg_ctl'),
      '-D',
      data,
      '-m',
      'immediate',
      'stop',
    ],
    { detached: true, stdio: 'ignore', env: { ...process.env, CHARTER_PG_DIR: dir } },
  );
  watchdog.unref();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    watchdog.kill();
    asServerUser(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { info: { url: `postgres://charter@127.0.0.1:${port}/postgres` }, stop };
}

/**
 * Once per run: a migrated PGlite directory that each test copies (~0.4 s instead of 4-6 s of initdb),
 * and a PostgreSQL 15 server in a temporary directory on a free port, when the machine has one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'charter-consumer-template-'));
  const template = join(root, 'store');
  const store = await openPgliteStore({ dir: template });
  await store.close();
  project.provide('pgliteTemplate', template);
  const pg = await startPostgres();
  project.provide('postgres', pg.info);
  return async () => {
    pg.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
