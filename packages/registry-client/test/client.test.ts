import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError, toSchemaRequest } from '../src/index.js';
import { json, stubServer } from './stub-server.js';

type Stub = Awaited<ReturnType<typeof stubServer>>;
let stub: Stub | undefined;

afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const fast = { retryDelayMs: 1, maxRetryDelayMs: 5, env: {} };

describe('RegistryClient transport', () => {
  it('sends the registry content type and encodes subjects in paths', async () => {
    stub = await stubServer((_req, res) => json(res, 200, { id: 7 }));
    const client = new RegistryClient({ url: `${stub.url}/`, ...fast });
    const result = await client.register('a/b value', '{"type":"string"}', { normalize: true });
    expect(result).toEqual({ id: 7 });
    const [req] = stub.requests;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/subjects/a%2Fb%20value/versions?normalize=true');
    expect(req?.headers['content-type']).toBe('application/vnd.schemaregistry.v1+json');
    expect(req?.headers.accept).toContain('application/vnd.schemaregistry.v1+json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ schema: '{"type":"string"}' });
  });

  it('turns error bodies into RegistryError with status, error code and message', async () => {
    stub = await stubServer((_req, res) =>
      json(res, 404, { error_code: 40401, message: "Subject 'x' not found." }),
    );
    const client = new RegistryClient({ url: stub.url, ...fast });
    const error = await client.getVersions('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 40401,
      error_code: 40401,
      message: "Subject 'x' not found.",
      request: 'GET /subjects/x/versions',
    });
    expect(stub.requests).toHaveLength(1);
  });

  it('reports a non-JSON error body with the status line', async () => {
    stub = await stubServer((_req, res) => {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('forbidden by proxy');
    });
    const client = new RegistryClient({ url: stub.url, ...fast });
    const error = (await client.getSubjects().catch((e: unknown) => e)) as RegistryError;
    expect(error.status).toBe(403);
    expect(error.errorCode).toBe(403);
    expect(error.message).toBe('HTTP 403 Forbidden: forbidden by proxy');
  });

  it('retries 429 and 5xx with backoff, then succeeds', async () => {
    let n = 0;
    stub = await stubServer((_req, res) => {
      n++;
      if (n === 1) return json(res, 429, { error_code: 429, message: 'slow down' }, { 'Retry-After': '0' });
      if (n === 2) return json(res, 503, { error_code: 50003, message: 'leader unknown' });
      json(res, 200, ['s1']);
    });
    const client = new RegistryClient({ url: stub.url, ...fast });
    expect(await client.getSubjects()).toEqual(['s1']);
    expect(stub.requests).toHaveLength(3);
  });

  it('gives up after the configured retries with the last error', async () => {
    stub = await stubServer((_req, res) => json(res, 500, { error_code: 50001, message: 'store error' }));
    const client = new RegistryClient({ url: stub.url, ...fast, retries: 2 });
    const error = await client.getSchemaById(1).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, errorCode: 50001, message: 'store error' });
    expect(stub.requests).toHaveLength(3);
  });

  it('does not retry client errors', async () => {
    stub = await stubServer((_req, res) => json(res, 422, { error_code: 42201, message: 'Invalid schema' }));
    const client = new RegistryClient({ url: stub.url, ...fast });
    await expect(client.register('s', 'nope')).rejects.toMatchObject({ status: 422, errorCode: 42201 });
    expect(stub.requests).toHaveLength(1);
  });

  it('reports an unreachable registry as status 0 after retrying', async () => {
    stub = await stubServer(() => undefined);
    const url = stub.url;
    await stub.close();
    stub = undefined;
    const client = new RegistryClient({ url, ...fast, retries: 1 });
    const error = (await client.getSubjects().catch((e: unknown) => e)) as RegistryError;
    expect(error).toBeInstanceOf(RegistryError);
    expect(error.status).toBe(0);
    expect(error.message).toContain(`cannot reach the registry at ${url}`);
  });

  it('reads the URL and a bearer token from the environment', async () => {
    stub = await stubServer((_req, res) => json(res, 200, { compatibilityLevel: 'FULL' }));
    const client = new RegistryClient({
      ...fast,
      env: { CHARTER_REGISTRY_URL: stub.url, CHARTER_REGISTRY_TOKEN: 's3cret-token' },
    });
    expect(await client.getCompatibilityLevel()).toBe('FULL');
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer s3cret-token');
  });

  it('sends basic auth from options, env or URL and never shows it', async () => {
    stub = await stubServer((_req, res) => json(res, 401, { error_code: 401, message: 'Unauthorized' }));
    const fromOptions = new RegistryClient({
      url: stub.url,
      auth: { username: 'ü', password: 'pw' },
      ...fast,
    });
    const fromEnv = new RegistryClient({
      url: stub.url,
      retryDelayMs: 1,
      env: { CHARTER_REGISTRY_USER: 'bob', CHARTER_REGISTRY_PASSWORD: 'hunter2' },
    });
    const fromUrl = new RegistryClient({ url: stub.url.replace('//', '//alice:p%40ss@'), ...fast });
    const errors = [
      await fromOptions.getSubjects().catch((e: unknown) => e),
      await fromEnv.getSubjects().catch((e: unknown) => e),
      await fromUrl.getSubjects().catch((e: unknown) => e),
    ];
    const headers = stub.requests.map((r) => r.headers.authorization);
    expect(headers).toEqual([
      `Basic ${Buffer.from('ü:pw').toString('base64')}`,
      `Basic ${Buffer.from('bob:hunter2').toString('base64')}`,
      `Basic ${Buffer.from('alice:p@ss').toString('base64')}`,
    ]);
    expect(fromUrl.url).toBe(stub.url);
    const shown = [
      inspect(fromOptions, { showHidden: true, depth: 5 }),
      inspect(fromEnv),
      inspect(fromUrl),
      JSON.stringify(fromEnv),
      ...errors.map((e) => `${String(e)} ${inspect(e)}`),
    ].join('\n');
    for (const secret of ['hunter2', 'p@ss', 'p%40ss', Buffer.from('bob:hunter2').toString('base64')]) {
      expect(shown).not.toContain(secret);
    }
  });

  it('fails clearly without a URL', () => {
    expect(() => new RegistryClient({ env: {} })).toThrow(/CHARTER_REGISTRY_URL/);
  });
});

describe('RegistryClient endpoints', () => {
  it('uses the subject-wide compatibility endpoint and falls back to latest when it is missing', async () => {
    stub = await stubServer((req, res) => {
      if (req.url.startsWith('/compatibility/subjects/s/versions?')) {
        return json(res, 404, { error_code: 404, message: 'HTTP 404 Not Found' });
      }
      json(res, 200, { is_compatible: false, messages: ['x'] });
    });
    const client = new RegistryClient({ url: stub.url, ...fast });
    expect(await client.testCompatibility('s', { type: 'string' }, { verbose: true })).toEqual({
      is_compatible: false,
      messages: ['x'],
    });
    expect(stub.requests.map((r) => r.url)).toEqual([
      '/compatibility/subjects/s/versions?verbose=true',
      '/compatibility/subjects/s/versions/latest?verbose=true',
    ]);
    await client.testCompatibility('s', '"int"', { version: 3 });
    expect(stub.requests[2]?.url).toBe('/compatibility/subjects/s/versions/3');
  });

  it('maps config, mode and delete calls to their paths', async () => {
    stub = await stubServer((req, res) => {
      if (req.url.startsWith('/mode')) return json(res, 200, { mode: 'READONLY' });
      json(res, 200, req.method === 'DELETE' ? [1] : {});
    });
    const client = new RegistryClient({ url: stub.url, ...fast });
    await client.setConfig('s', 'FULL');
    await client.setConfig(undefined, { compatibility: 'NONE', normalize: true });
    await client.getConfig('s', { defaultToGlobal: true });
    expect(await client.setMode(undefined, 'READONLY', { force: true })).toBe('READONLY');
    expect(await client.getMode('s')).toBe('READONLY');
    await client.deleteSubject('s', { permanent: true });
    await client.deleteVersion('s', 'latest');
    expect(stub.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'PUT /config/s {"compatibility":"FULL"}',
      'PUT /config {"compatibility":"NONE","normalize":true}',
      'GET /config/s?defaultToGlobal=true ',
      'PUT /mode?force=true {"mode":"READONLY"}',
      'GET /mode/s ',
      'DELETE /subjects/s?permanent=true ',
      'DELETE /subjects/s/versions/latest ',
    ]);
  });
});

describe('toSchemaRequest', () => {
  it('accepts text, parsed Avro JSON and request bodies', () => {
    expect(toSchemaRequest('"string"')).toEqual({ schema: '"string"' });
    expect(toSchemaRequest({ type: 'record', name: 'R', fields: [] })).toEqual({
      schema: '{"type":"record","name":"R","fields":[]}',
    });
    expect(toSchemaRequest(['null', 'string'])).toEqual({ schema: '["null","string"]' });
    expect(toSchemaRequest({ schema: '"int"', schemaType: 'AVRO' })).toEqual({ schema: '"int"' });
    expect(toSchemaRequest({ schema: '{}', schemaType: 'JSON' })).toEqual({
      schema: '{}',
      schemaType: 'JSON',
    });
  });
});
