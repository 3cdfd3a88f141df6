import { RegistryClient } from '@charter/registry-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparedVersions } from '../src/commands/registry/register-plan.js';
import { tempRegistry } from './registry-helpers.js';

let server: Awaited<ReturnType<typeof tempRegistry>>;

const version = (...fields: string[]) =>
  JSON.stringify({
    type: 'record',
    name: 'Order',
    fields: fields.map((name) => ({ name, type: 'string', default: '' })),
  });

beforeAll(async () => {
  server = await tempRegistry();
  const client = new RegistryClient({ url: server.registry.url });
  await client.setConfig('orders-value', 'NONE');
  for (const schema of [version('a'), version('a', 'b'), version('a', 'b', 'c')])
    await client.register('orders-value', schema);
});
afterAll(async () => {
  await server.close();
});

/** A client over the real registry that records its requests and how many were in flight at once. */
function watchedClient() {
  const paths: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = new RegistryClient({
    url: server.registry.url,
    fetch: async (input, init) => {
      paths.push(new URL(String(input)).pathname);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    },
  });
  return { client, paths, maxInFlight: () => maxInFlight };
}

describe('the versions a level compares', () => {
  it('asks nothing under NONE', async () => {
    const w = watchedClient();
    expect(await comparedVersions(w.client, 'orders-value', 'NONE')).toEqual([]);
    expect(w.paths).toEqual([]);
  });

  it('fetches only the latest version under a non-transitive level', async () => {
    for (const level of ['BACKWARD', 'FORWARD', 'FULL'] as const) {
      const w = watchedClient();
      expect(await comparedVersions(w.client, 'orders-value', level)).toEqual([
        { version: 3, schema: version('a', 'b', 'c') },
      ]);
      expect(w.paths).toEqual(['/subjects/orders-value/versions/latest']);
    }
  });

  it('fetches every version, in parallel, under a transitive level', async () => {
    const w = watchedClient();
    const versions = await comparedVersions(w.client, 'orders-value', 'FULL_TRANSITIVE');
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(versions[0]?.schema).toBe(version('a'));
    expect(w.paths[0]).toBe('/subjects/orders-value/versions');
    expect(w.paths.slice(1).sort()).toEqual([
      '/subjects/orders-value/versions/1',
      '/subjects/orders-value/versions/2',
      '/subjects/orders-value/versions/3',
    ]);
    expect(w.maxInFlight()).toBe(3);
  });

  it('finds nothing for a subject the registry does not know', async () => {
    const w = watchedClient();
    expect(await comparedVersions(w.client, 'nope-value', 'BACKWARD')).toEqual([]);
    expect(await comparedVersions(w.client, 'nope-value', 'BACKWARD_TRANSITIVE')).toEqual([]);
  });
});
