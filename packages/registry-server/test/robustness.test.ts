import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A1, expectError, type Harness, STR, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ maxBodyBytes: 64 * 1024, quiet: true });
});
afterEach(async () => {
  await h.close();
});

function record(i: number): string {
  return JSON.stringify({ type: 'record', name: `R${i}`, fields: [{ name: 'f', type: 'int' }] });
}

/** Sends a chunked body (no Content-Length) and resolves with the status, or the socket error. */
function sendChunked(url: string, chunks: number, size: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/subjects/S/versions`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (e) => resolve(e.message));
    const chunk = Buffer.alloc(size, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < chunks) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('bad input never crashes the server', () => {
  it('413 for an oversized body, declared or streamed', async () => {
    const big = { schema: STR, pad: 'x'.repeat(100 * 1024) };
    expectError(await h.call('POST', '/subjects/S/versions', big), 413, 413);
    expect(await sendChunked(h.registry.url, 40, 4096)).toBe(413);
    expect((await h.call('POST', '/subjects/S/versions', { schema: STR })).json).toEqual({ id: 1 });
  });

  it('deeply nested request JSON and schemas are refused, not recursed', async () => {
    const deepBody = `{"schema":"\\"string\\"","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expectError(await h.call('POST', '/subjects/S/versions', deepBody), 400, 400);
    let schema = '"int"';
    for (let i = 0; i < 2000; i++) schema = `{"type":"array","items":${schema}}`;
    expectError(await h.call('POST', '/subjects/S/versions', { schema }), 422, 42201);
    expectError(await h.call('POST', '/compatibility/subjects/S/versions/latest', { schema }), 422, 42201);
    let array = '"x"';
    for (let i = 0; i < 12_000; i++) array = `[${array}]`;
    expectError(await h.call('POST', '/subjects/S/versions', { schema: array }), 422, 42201);
    expect((await h.call('GET', '/')).status).toBe(200);
  });

  it('wrong JSON shapes are 4xx', async () => {
    for (const body of [
      '[]',
      '"text"',
      '42',
      'null',
      '{"schema":{}}',
      '{"schema":"\\"int\\"","references":{}}',
    ]) {
      const a = await h.call('POST', '/subjects/S/versions', body);
      expect(a.status, body).toBeGreaterThanOrEqual(400);
      expect(a.status, body).toBeLessThan(500);
    }
    for (const body of ['[]', '{"compatibility":{}}', '{"normalize":"yes"}']) {
      const a = await h.call('PUT', '/config', body);
      expect(a.status, body).toBeGreaterThanOrEqual(400);
      expect(a.status, body).toBeLessThan(500);
    }
    expectError(await h.call('PUT', '/mode', { mode: 5 }), 422, 42204);
    expectError(await h.call('GET', '/subjects/%E0%A4%A/versions'), 404, 404);
  });

  it('concurrent registrations of one schema yield one id and one version', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.call('POST', `/subjects/${i % 2 ? 'S' : 'T'}/versions`, { schema: A1 }),
      ),
    );
    expect(new Set(answers.map((a) => a.json.id))).toEqual(new Set([1]));
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1]);
    expect((await h.call('GET', '/subjects/T/versions')).json).toEqual([1]);
  });

  it('concurrent registrations of different schemas get distinct ids and dense versions', async () => {
    await h.call('PUT', '/config', { compatibility: 'NONE' });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => h.call('POST', '/subjects/S/versions', { schema: record(i) })),
    );
    const ids = answers.map((a) => a.json.id);
    expect(new Set(ids).size).toBe(60);
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
  });
});
