import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SCHEMA_ID, parseSchemaId } from '../src/schema-id.js';
import { A1, type Harness, startHarness } from './harness.js';

describe('parseSchemaId', () => {
  it('takes 1 to 10 ASCII digits up to 2^31-1, from an offset', () => {
    expect(parseSchemaId('7')).toBe(7);
    expect(parseSchemaId('0007')).toBe(7);
    expect(parseSchemaId(String(MAX_SCHEMA_ID))).toBe(2 ** 31 - 1);
    expect(parseSchemaId('/schemas/ids/42', '/schemas/ids/'.length)).toBe(42);
    for (const bad of ['', '2147483648', '12345678901', '1a', '-1', '+1', ' 1', '1.0', '١']) {
      expect(parseSchemaId(bad), bad).toBeUndefined();
    }
  });
});

describe('GET /schemas/ids/{id}: the fast path and the routed handler agree', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ quiet: true });
    await h.call('POST', '/subjects/s/versions', { schema: A1 });
  });
  afterAll(() => h.close());

  // A query string sends the request through the router instead of the fast path.
  it('answers every id segment the same either way', async () => {
    for (const segment of ['1', '0001', '2', '2147483647', '2147483648', '99999999999', '1a', '%31']) {
      const fast = await h.call('GET', `/schemas/ids/${segment}`);
      const routed = await h.call('GET', `/schemas/ids/${segment}?fetchMaxId=false`);
      expect({ status: fast.status, text: fast.text }, segment).toEqual({
        status: routed.status,
        text: routed.text,
      });
    }
    const found = await h.call('GET', '/schemas/ids/0001');
    expect(found.status).toBe(200);
    expect(found.json.schema).toBe(A1);
  });
});
