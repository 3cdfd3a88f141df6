import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type RegistryServerOptions, type RunningRegistry, startRegistryServer } from '../src/index.js';

export const V1 = 'application/vnd.schemaregistry.v1+json';

export function tempDir(prefix = 'charter-registry-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface Harness {
  registry: RunningRegistry;
  dir: string;
  lines: string[];
  warnings: string[];
  /** Sends a request; `body` objects are sent as JSON with the v1 content type. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  type: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response JSON
  json: any;
  text: string;
}

/** Starts a real server on 127.0.0.1, port 0, over a fresh temporary directory. */
export async function startHarness(options: Partial<RegistryServerOptions> = {}): Promise<Harness> {
  const dir = options.dataDir ?? tempDir();
  const lines: string[] = [];
  const warnings: string[] = [];
  const registry = await startRegistryServer({
    port: 0,
    log: (l) => lines.push(l),
    warn: (l) => warnings.push(l),
    ...options,
    dataDir: dir,
  });
  return {
    registry,
    dir,
    lines,
    warnings,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['Content-Type'] ??= V1;
      }
      const res = await fetch(`${registry.url}${path}`, init);
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, type: res.headers.get('content-type'), json, text };
    },
    async close() {
      await registry.close();
      if (!options.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Schema fixtures of registry-blackbox.md. */
export const STR = '{"type":"string"}';
export const A1 = '{"type":"record","name":"R","namespace":"t","fields":[{"name":"f1","type":"string"}]}';
export const A2 =
  '{"type":"record","name":"R","namespace":"t","fields":[{"name":"f1","type":"string"},{"name":"f2","type":"string","default":""}]}';
export const A3 =
  '{"type":"record","name":"R","namespace":"t","fields":[{"name":"f1","type":"string"},{"name":"f3","type":"string"}]}';
export const A4 =
  '{"type":"record","name":"R","namespace":"t","fields":[{"name":"f1","type":"string"},{"name":"f2","type":"int","default":0}]}';

/** "Error e/c": HTTP status e with body {error_code: c, message: string}. */
export function expectError(answer: Answer, status: number, code: number, message?: string): void {
  expect({ status: answer.status, code: answer.json?.error_code }).toEqual({ status, code });
  expect(typeof answer.json.message).toBe('string');
  if (message !== undefined) expect(answer.json.message).toBe(message);
}
