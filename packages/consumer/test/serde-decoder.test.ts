import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient } from '@charter/registry-client';
import { type RunningRegistry, startRegistryServer } from '@charter/registry-server';
import { fingerprints, parseSchemaText } from '@charter/schema';
import { defineContract, type EventContract, frame, Serde, withEventId } from '@charter/serde';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contractDecoder, type MessageHeaders } from '../src/index.js';
import { pgliteBackend } from './support/backends.js';
import { text } from './support/dlt-headers.js';
import { errorOf, TOPIC, World } from './support/world.js';

interface OrderV1 {
  orderId: string;
  amount: number;
}
interface OrderV2 extends OrderV1 {
  currency: string;
}

function contract<T>(fields: object[]): EventContract<T> {
  const schema = JSON.stringify({
    type: 'record',
    name: 'OrderPlaced',
    namespace: 'com.acme.orders',
    fields,
  });
  const f = fingerprints(parseSchemaText(schema).schema!);
  return defineContract<T>({
    name: 'OrderPlaced',
    fullName: 'com.acme.orders.OrderPlaced',
    schema,
    package: '@acme-events/order-placed',
    topic: TOPIC,
    role: 'value',
    subjectStrategy: 'TopicNameStrategy',
    subject: `${TOPIC}-value`,
    compatibility: 'BACKWARD',
    fingerprints: { crc64: f.crc64Hex, md5: f.md5, sha256: f.sha256 },
    longs: 'number',
  });
}

const v1 = contract<OrderV1>([
  { name: 'orderId', type: 'string' },
  { name: 'amount', type: 'int' },
]);
const v2 = contract<OrderV2>([
  { name: 'orderId', type: 'string' },
  { name: 'amount', type: 'int' },
  { name: 'currency', type: 'string', default: 'EUR' },
]);

let registry: RunningRegistry;
let dataDir: string;
let world: World | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'charter-consumer-registry-'));
  registry = await startRegistryServer({ host: '127.0.0.1', port: 0, dataDir, quiet: true });
  await new RegistryClient({ url: registry.url }).register(v1.subject, v1.schema);
});

afterAll(async () => {
  await registry?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe('a generated contract as the decode step', () => {
  it('decodes the Confluent wire format into the reader version; bad bytes and unknown ids go to the DLT', async () => {
    world = await World.create(pgliteBackend);
    const producer = new Serde({ registry: registry.url });
    const consumer = new Serde({ registry: registry.url });
    const id = await producer.schemaId(v1);
    const send = (value: Buffer) =>
      world!.kafka.append(TOPIC, 0, {
        key: 'k',
        value,
        headers: withEventId({ ce_source: 'shop' }) as MessageHeaders,
      });
    send(await producer.serialize(v1, { orderId: 'o1', amount: 5 }));
    send(frame(id, Buffer.from([0x80]))); // a varint that never ends
    send(frame(4711, v1.encode({ orderId: 'o3', amount: 1 })));
    send(await producer.serialize(v1, { orderId: 'o4', amount: 7 }));
    const decode = contractDecoder(consumer, v2);
    const seen: OrderV2[] = [];
    await world.start('m', {
      decode: async (message) => {
        const order = await decode(message);
        seen.push(order);
        return order;
      },
    });
    await world.drain();
    expect(seen).toEqual([
      { orderId: 'o1', amount: 5, currency: 'EUR' },
      { orderId: 'o4', amount: 7, currency: 'EUR' },
    ]);
    expect((await world.effects()).map((e) => e.orderId)).toEqual(['o1', 'o4']);
    const dl = world.deadLetters();
    expect(dl.map((r) => [text(r, 'charter_dlt-reason'), text(r, 'charter_dlt-schema-id')])).toEqual([
      ['decode-failure', String(id)],
      ['unknown-schema', '4711'],
    ]);
    // serde's `ce_id` header identifies the events.
    expect((await world.ledger()).every((r) => r.source === 'shop' && r.id.length === 36)).toBe(true);
  });

  it('does not dead-letter a record while the registry cannot be reached', async () => {
    world = await World.create(pgliteBackend);
    const down = new Serde({ registry: { url: 'http://127.0.0.1:9', retries: 0 } });
    const producer = new Serde({ registry: registry.url });
    world.kafka.append(TOPIC, 0, {
      value: await producer.serialize(v1, { orderId: 'o1', amount: 5 }),
      headers: withEventId() as MessageHeaders,
    });
    const m = await world.start('m', { decode: contractDecoder(down, v2) });
    const result = await m.consumer.poll();
    expect(errorOf(result)).toMatchObject({ name: 'RegistryError', status: 0 });
    expect(world.deadLetters()).toHaveLength(0);
    expect(await world.nextOffset()).toBeUndefined();
  });
});
