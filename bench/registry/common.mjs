import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

export const here = import.meta.dirname;
export const outDir = join(here, '.bench-out');

/** Starts `servers.mjs KIND ARG` and resolves with its URL and a stop function. */
export async function startServer(kind, arg) {
  const child = spawn(process.execPath, [join(here, 'servers.mjs'), kind, arg], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return {
    url,
    /** CPU seconds (user + system) the server process has used so far (Linux /proc; clock ticks of 10 ms). */
    cpu: () => {
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export function freshDir(name) {
  const dir = join(outDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function summary(results) {
  const rps = results.map((r) => r.requests.average);
  const perCpu = results.filter((r) => r.cpu > 0).map((r) => r.requests.total / r.cpu);
  return {
    perCpu: perCpu.length ? median(perCpu) : undefined,
    rps: median(rps),
    min: Math.min(...rps),
    max: Math.max(...rps),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  };
}

export const fmt = (n) => Math.round(n).toLocaleString('en-US');
