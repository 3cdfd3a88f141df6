import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, type Harness, STR, startHarness, V1 } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('A: transport, routing, content negotiation', () => {
  it('A01/A02 root answers {} to GET and POST', async () => {
    expect((await h.call('GET', '/')).json).toEqual({});
    expect((await h.call('POST', '/', {})).json).toEqual({});
  });

  it('A03 unknown path is a JSON 404', async () => {
    const a = await h.call('GET', '/no/such/path');
    expectError(a, 404, 404, 'HTTP 404 Not Found');
    expect(a.type).toBe(V1);
  });

  it('A04 the associations probe is a clean 404', async () => {
    const a = await h.call(
      'GET',
      '/associations/resources/-/orders?resourceType=topic&associationType=value',
    );
    expectError(a, 404, 404);
  });

  it('A05 wrong method on a known path is 405', async () => {
    expectError(await h.call('DELETE', '/schemas/types'), 405, 405);
  });

  it('A06/A07/A08 negotiate the response type', async () => {
    expect((await h.call('GET', '/subjects')).type).toBe(V1);
    expect((await h.call('GET', '/subjects', undefined, { Accept: 'application/json' })).type).toBe(
      'application/json',
    );
    const weighted = await h.call('GET', '/subjects', undefined, {
      Accept: 'application/vnd.schemaregistry.v2+json; q=0.1, application/vnd.schemaregistry+json; q=0.9',
    });
    expect(weighted.status).toBe(200);
    expect(weighted.type).toBe('application/vnd.schemaregistry+json');
    expect((await h.call('GET', '/subjects', undefined, { Accept: '*/*' })).type).toBe(V1);
  });

  it('A09 an unacceptable Accept is 406 with a JSON body', async () => {
    for (const accept of ['application/vnd.schemaregistry.v2+json', 'text/*', 'application/octet-stream']) {
      const a = await h.call('GET', '/subjects', undefined, { Accept: accept });
      expectError(a, 406, 406, 'HTTP 406 Not Acceptable');
      expect(a.type).toBe(V1);
    }
  });

  it('A10 an unsupported request type is 415', async () => {
    const a = await h.call('PUT', '/config', '{"compatibility":"NONE"}', { 'Content-Type': 'text/html' });
    expectError(a, 415, 415, 'HTTP 415 Unsupported Media Type');
    expect(a.type).toBe(V1);
    expect((await h.call('GET', '/config')).json).toEqual({ compatibilityLevel: 'BACKWARD' });
  });

  it('A11 octet-stream and charset parameters are accepted', async () => {
    const body = '{"compatibility":"NONE"}';
    expect(
      (await h.call('PUT', '/config', body, { 'Content-Type': 'application/octet-stream' })).status,
    ).toBe(200);
    const withCharset = await h.call('PUT', '/config', body, { 'Content-Type': `${V1}; charset=utf-8` });
    expect(withCharset.status).toBe(200);
    expect((await h.call('PUT', '/config', body, { 'Content-Type': 'application/json' })).status).toBe(200);
  });

  it('A12 malformed JSON is 400', async () => {
    expectError(await h.call('POST', '/subjects/S/versions', '{"schema":'), 400, 400);
    expectError(await h.call('PUT', '/config', 'not json'), 400, 400);
    expect((await h.call('GET', '/subjects')).json).toEqual([]);
  });

  it('A13 unknown body fields are ignored', async () => {
    const a = await h.call('POST', '/subjects/S/versions', { schema: STR, foo: 1, bar: { baz: [1] } });
    expect(a.status).toBe(200);
    expect(a.json).toEqual({ id: 1 });
  });

  it('logs one line per request, without credentials', async () => {
    await h.call('GET', '/subjects', undefined, { Authorization: 'Basic c2VjcmV0OnNlY3JldA==' });
    await h.call('GET', '/nope');
    expect(h.lines).toHaveLength(2);
    expect(h.lines[0]).toMatch(/ INFO GET \/subjects 200 [0-9.]+ms$/);
    expect(h.lines[1]).toMatch(/ INFO GET \/nope 404 /);
    expect(h.lines.join('\n')).not.toContain('c2VjcmV0');
  });

  it('--quiet silences request lines', async () => {
    const quiet = await startHarness({ quiet: true });
    try {
      await quiet.call('GET', '/subjects');
      expect(quiet.lines).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
