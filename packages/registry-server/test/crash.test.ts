import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LockedError, startRegistryServer } from '../src/index.js';
import { spawnServer } from './child-process.js';
import { startHarness, tempDir } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function schemaNumber(i: number): string {
  return JSON.stringify({
    type: 'record',
    name: `E${i}`,
    namespace: 'crash',
    fields: [{ name: 'f', type: 'long' }],
  });
}

async function registerOne(url: string, i: number): Promise<{ i: number; id: number } | undefined> {
  try {
    const res = await fetch(`${url}/subjects/s-${i % 7}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: schemaNumber(i) }),
    });
    if (res.status !== 200) return undefined;
    return { i, id: ((await res.json()) as { id: number }).id };
  } catch {
    return undefined; // the connection died with the server: not acknowledged
  }
}

/** Sends the headers and half the body of a registration; `answered` tells whether any response came. */
function startHalfWrittenRequest(
  url: string,
  schema: string,
): Promise<{ socket: Socket; answered: Promise<boolean> }> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ schema });
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /subjects/s-half/versions HTTP/1.1\r\nHost: ${hostname}\r\n` +
          `Content-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
          body.slice(0, body.length >> 1),
        () => resolve({ socket, answered }),
      );
    });
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk.toString();
    });
    const answered = new Promise<boolean>((done) => {
      socket.on('close', () => done(response.length > 0));
      socket.on('error', () => undefined);
    });
    socket.once('error', reject);
  });
}

describe('durability', () => {
  it('keeps every acknowledged registration across SIGKILL mid-burst; ids continue above', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const server = await spawnServer(dir);
    // Every subject starts with level NONE so that unrelated records may follow each other.
    await fetch(`${server.url}/config`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"compatibility":"NONE"}',
    });
    const acked: { i: number; id: number }[] = [];
    let killed = false;
    let sent = 0;
    let halfSent: { socket: Socket; answered: Promise<boolean> } | undefined;
    // 32 clients keep registering new schemas; the server dies mid-burst. One more request is held half
    // written at that moment, so at least one registration is certainly in flight when the server dies.
    const worker = async () => {
      while (!killed) {
        const r = await registerOne(server.url, sent++);
        if (r) acked.push(r);
        if (acked.length >= 150 && !halfSent) {
          halfSent = await startHalfWrittenRequest(server.url, schemaNumber(77777));
          killed = true;
          server.child.kill('SIGKILL');
        }
        if (!r) break;
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    await server.exited;
    expect(killed).toBe(true);
    expect(acked.length).toBeGreaterThanOrEqual(150);
    expect(await halfSent!.answered).toBe(false);

    // The killed server left its lock behind; a restart takes it over.
    const h = await startHarness({ dataDir: dir, quiet: true });
    try {
      for (const { i, id } of acked) {
        const found = await h.call('POST', `/subjects/s-${i % 7}`, { schema: schemaNumber(i) });
        expect(found.status).toBe(200);
        expect(found.json.id).toBe(id);
        expect((await h.call('GET', `/schemas/ids/${id}`)).json.schema).toBe(schemaNumber(i));
      }
      const inFlight = await h.call('POST', '/subjects/s-half', { schema: schemaNumber(77777) });
      expect(inFlight.status).toBe(404); // never acknowledged, never stored
      const maxAcked = Math.max(...acked.map((a) => a.id));
      const fresh = await h.call('POST', '/subjects/after/versions', { schema: schemaNumber(99999) });
      expect(fresh.status).toBe(200);
      expect(fresh.json.id).toBeGreaterThan(maxAcked);
      const maxStored = (await h.call('GET', `/schemas/ids/${maxAcked}?fetchMaxId=true`)).json.maxId;
      expect(fresh.json.id).toBe(maxStored);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('refuses a second server on the same directory, in this process or another', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const child = await spawnServer(dir);
    try {
      await expect(startRegistryServer({ dataDir: dir, port: 0, quiet: true })).rejects.toThrow(LockedError);
      await expect(startRegistryServer({ dataDir: dir, port: 0, quiet: true })).rejects.toThrow(
        /another registry server \(pid [0-9]+\) is using/,
      );
    } finally {
      child.child.kill('SIGTERM');
      await child.exited;
    }
    const first = await startRegistryServer({ dataDir: dir, port: 0, quiet: true });
    try {
      await expect(startRegistryServer({ dataDir: dir, port: 0, quiet: true })).rejects.toThrow(LockedError);
    } finally {
      await first.close();
    }
    const again = await startRegistryServer({ dataDir: dir, port: 0, quiet: true });
    await again.close();
  }, 60_000);
});
