import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getJson, removeTempProjects, tempProject, tempRegistry } from './registry-helpers.js';
import { runCli } from './run-cli.js';

let server: Awaited<ReturnType<typeof tempRegistry>>;
beforeEach(async () => {
  server = await tempRegistry();
});
afterEach(async () => {
  await server.close();
  removeTempProjects();
});

describe('charter registry level', () => {
  it('reads the global fallback, sets the subject level, reads it back', async () => {
    const url = server.registry.url;
    const cwd = tempProject({});
    expect(await runCli(['registry', 'level', 'orders-value', '--registry', url], cwd)).toEqual({
      code: 0,
      stdout: 'orders-value BACKWARD (global)\n',
      stderr: '',
    });
    const set = await runCli(
      ['registry', 'level', 'orders-value', 'full_transitive', '--registry', url],
      cwd,
    );
    expect(set).toEqual({ code: 0, stdout: 'orders-value FULL_TRANSITIVE\n', stderr: '' });
    expect(await getJson(`${url}/config/orders-value`)).toEqual({
      status: 200,
      json: { compatibilityLevel: 'FULL_TRANSITIVE' },
    });
    const read = await runCli(['registry', 'level', 'orders-value', '--registry', url, '--json'], cwd);
    expect(JSON.parse(read.stdout)).toEqual({
      subject: 'orders-value',
      level: 'FULL_TRANSITIVE',
      source: 'subject',
    });
  });

  it('takes the URL from charter.yaml', async () => {
    const cwd = tempProject({ 'charter.yaml': `registry:\n  url: ${server.registry.url}\n` });
    const saved = process.env.CHARTER_REGISTRY_URL;
    delete process.env.CHARTER_REGISTRY_URL;
    try {
      expect((await runCli(['registry', 'level', 's'], cwd)).stdout).toBe('s BACKWARD (global)\n');
    } finally {
      if (saved !== undefined) process.env.CHARTER_REGISTRY_URL = saved;
    }
  });

  it('accepts a level as the registry does: any case, surrounding white space ignored', async () => {
    const url = server.registry.url;
    const cwd = tempProject({});
    const set = await runCli(
      ['registry', 'level', 'orders-value', ' backward_Transitive\t', '--registry', url],
      cwd,
    );
    expect(set).toEqual({ code: 0, stdout: 'orders-value BACKWARD_TRANSITIVE\n', stderr: '' });
    expect((await getJson(`${url}/config/orders-value`)).json).toEqual({
      compatibilityLevel: 'BACKWARD_TRANSITIVE',
    });
    // the server reads the same text the same way
    const put = await fetch(`${url}/config/orders-value`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ compatibility: ' forward\t' }),
    });
    expect(put.status).toBe(200);
    expect((await runCli(['registry', 'level', 'orders-value', '--registry', url], cwd)).stdout).toBe(
      'orders-value FORWARD\n',
    );
  });

  it('reports a request the registry refuses as REG003', async () => {
    const url = server.registry.url;
    const cwd = tempProject({});
    // A read-only subject refuses configuration changes (422, error 42205).
    const mode = await fetch(`${url}/mode/orders-value`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"mode":"READONLY"}',
    });
    expect(mode.status).toBe(200);
    const r = await runCli(['registry', 'level', 'orders-value', 'FULL', '--registry', url], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error REG003: cannot set the level of orders-value: HTTP 422, error 42205: /);
  });

  it('refuses an unknown level with REG005 and exit 2, writing nothing', async () => {
    const r = await runCli(
      ['registry', 'level', 's', 'SIDEWAYS', '--registry', server.registry.url],
      tempProject({}),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error REG005: not a compatibility level: SIDEWAYS');
    expect((await getJson(`${server.registry.url}/config/s`)).status).toBe(404);
  });

  it('reports an unreachable registry as REG002', async () => {
    const url = server.registry.url;
    await server.close();
    const r = await runCli(['registry', 'level', 's', '--registry', url], tempProject({}));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error REG002: cannot read the level of s: cannot reach the registry at');
    server = await tempRegistry();
  });

  it('needs a URL (REG001, exit 2)', async () => {
    const saved = process.env.CHARTER_REGISTRY_URL;
    delete process.env.CHARTER_REGISTRY_URL;
    try {
      const r = await runCli(['registry', 'level', 's'], tempProject({}));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error REG001: no schema registry URL');
    } finally {
      if (saved !== undefined) process.env.CHARTER_REGISTRY_URL = saved;
    }
  });
});
