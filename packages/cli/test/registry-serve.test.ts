import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Runs the CLI from sources in a child process (the serve command runs until a signal).
const hooks = join(import.meta.dirname, '..', '..', 'registry-server', 'test', 'child', 'register-hooks.mjs');
const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function serve(args: string[], cwd: string) {
  const child = spawn(process.execPath, ['--import', hooks, bin, 'registry', 'serve', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /listening on (\S+) /.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exit.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, url, exit, output: () => ({ stdout, stderr }) };
}

describe('charter registry serve', () => {
  it('serves on the given port and data directory, logs requests, stops on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'charter-serve-'));
    dirs.push(cwd);
    const s = serve(['--port', '0', '--data', 'reg'], cwd);
    const url = await s.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
    const res = await fetch(`${url}/subjects/s/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: '{"schema":"\\"string\\""}',
    });
    expect(await res.json()).toEqual({ id: 1 });
    expect(existsSync(join(cwd, 'reg', 'schemas.log'))).toBe(true);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
    const { stdout } = s.output();
    expect(stdout).toMatch(/INFO POST \/subjects\/s\/versions 200 /);
    expect(stdout).toContain('charter registry stopped (SIGTERM)');
    expect(existsSync(join(cwd, 'reg', 'LOCK'))).toBe(false);

    // A second start replays what the first stored; --quiet drops the request lines.
    const again = serve(['--port', '0', '--data', 'reg', '--quiet'], cwd);
    const url2 = await again.url;
    expect(again.output().stdout).toContain('1 records replayed');
    expect(await (await fetch(`${url2}/schemas/ids/1`)).json()).toEqual({ schema: '"string"' });
    again.child.kill('SIGINT');
    expect(await again.exit).toBe(0);
    expect(again.output().stdout).not.toContain('INFO');
  }, 60_000);

  it('fails with REG006 when the data directory is held by another server', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'charter-serve-'));
    dirs.push(cwd);
    const s = serve(['--port', '0', '--data', 'reg', '--quiet'], cwd);
    await s.url;
    try {
      const r = await runCli(['registry', 'serve', '--port', '0', '--data', 'reg'], cwd);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('error REG006: cannot start the registry: another registry server (pid');
    } finally {
      s.child.kill('SIGTERM');
      await s.exit;
    }
  }, 60_000);

  it('rejects a bad port as a usage error', async () => {
    const r = await runCli(['registry', 'serve', '--port', 'eighty'], tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be 0..65535, not eighty');
  });
});
