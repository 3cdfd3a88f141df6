import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient, RegistryError } from '@charter/registry-client';
import { type RunningRegistry, startRegistryServer } from '@charter/registry-server';
import { fingerprints, parseSchemaText } from '@charter/schema';
import {
  defineContract,
  EVENT_ID_HEADER,
  type EventContract,
  eventIdOf,
  frame,
  readSchemaId,
  Serde,
  WireFormatError,
  withEventId,
} from '@charter/serde';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

function contract<T>(name: string, fields: object[], topic: string, byRecordName = false): EventContract<T> {
  const schema = JSON.stringify({ type: 'record', name, namespace: 'com.example.test', fields });
  const f = fingerprints(parseSchemaText(schema).schema!);
  return defineContract<T>({
    name,
    fullName: `com.example.test.${name}`,
    schema,
    package: `@test/${name.toLowerCase()}`,
    topic,
    role: 'value',
    subjectStrategy: byRecordName ? 'RecordNameStrategy' : 'TopicNameStrategy',
    subject: byRecordName ? `com.example.test.${name}` : `${topic}-value`,
    compatibility: 'BACKWARD',
    fingerprints: { crc64: f.crc64Hex, md5: f.md5, sha256: f.sha256 },
    longs: 'number',
  });
}

interface V1 {
  id: string;
  amount: string;
}
interface V2 extends V1 {
  currency: string;
}

const decimal = { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 };
const paymentV1 = contract<V1>(
  'PaymentTaken',
  [
    { name: 'id', type: 'string' },
    { name: 'amount', type: decimal },
  ],
  'payments',
);
const paymentV2 = contract<V2>(
  'PaymentTaken',
  [
    { name: 'id', type: 'string' },
    { name: 'amount', type: decimal },
    { name: 'currency', type: 'string', default: 'EUR' },
  ],
  'payments',
);
const refund = contract<{ id: string }>('RefundIssued', [{ name: 'id', type: 'string' }], 'payments', true);

let registry: RunningRegistry;
let dataDir: string;
const requests: string[] = [];

/** A client over real HTTP that records every request it sends. */
function client(): RegistryClient {
  return new RegistryClient({
    url: registry.url,
    fetch: (input, init) => {
      requests.push(`${init.method ?? 'GET'} ${new URL(input).pathname}`);
      return fetch(input, init);
    },
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'charter-serde-'));
  registry = await startRegistryServer({ host: '127.0.0.1', port: 0, dataDir, quiet: true });
  const admin = new RegistryClient({ url: registry.url });
  await admin.register(paymentV1.subject, paymentV1.schema);
});

afterAll(async () => {
  await registry?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Serde over a real registry', () => {
  it('serializes in the Confluent wire format, looking the id up once', async () => {
    requests.length = 0;
    const serde = new Serde({ registry: client() });
    const a = await serde.serialize(paymentV1, { id: 'p-1', amount: '10.00' });
    const b = await serde.serialize(paymentV1, { id: 'p-2', amount: '2.50' });
    const id = await serde.schemaId(paymentV1);
    expect(a[0]).toBe(0);
    expect(readSchemaId(a)).toBe(id);
    expect(readSchemaId(b)).toBe(id);
    expect(a.subarray(5)).toEqual(paymentV1.encode({ id: 'p-1', amount: '10.00' }));
    expect(requests).toEqual(['POST /subjects/payments-value']);
    expect(serde.serializeSync(paymentV1, { id: 'p-3', amount: '1' })[0]).toBe(0);
  });

  it('does not register an unknown schema unless told to', async () => {
    const serde = new Serde({ registry: client() });
    await expect(serde.serialize(paymentV2, { id: 'x', amount: '1', currency: 'USD' })).rejects.toThrow(
      RegistryError,
    );
    const registering = new Serde({ registry: client(), autoRegister: true });
    const bytes = await registering.serialize(paymentV2, { id: 'x', amount: '1', currency: 'USD' });
    expect(readSchemaId(bytes)).toBe(await registering.schemaId(paymentV2));
    expect(readSchemaId(bytes)).not.toBe(await registering.schemaId(paymentV1));
  });

  it("deserializes with the writer's schema, fetched once, into the reader's version", async () => {
    const producer = new Serde({ registry: registry.url });
    const message = await producer.serialize(paymentV1, { id: 'p-9', amount: '99.99' });
    requests.length = 0;
    const consumer = new Serde({ registry: client() });
    expect(await consumer.deserialize(paymentV2, message)).toEqual({
      id: 'p-9',
      amount: '99.99',
      currency: 'EUR',
    });
    expect(await consumer.deserialize(paymentV2, message)).toEqual({
      id: 'p-9',
      amount: '99.99',
      currency: 'EUR',
    });
    expect(await consumer.deserialize(paymentV1, message)).toEqual({ id: 'p-9', amount: '99.99' });
    expect(requests).toEqual([`GET /schemas/ids/${readSchemaId(message)}`]);
  });

  it('picks the contract of the writer schema on a topic with several event types', async () => {
    const serde = new Serde({ registry: registry.url, autoRegister: true });
    const message = await serde.serialize(refund, { id: 'r-1' });
    const { contract: found, value } = await serde.deserializeAny([paymentV2, refund], message);
    expect(found).toBe(refund);
    expect(value).toEqual({ id: 'r-1' });
    await expect(serde.deserializeAny([paymentV2], message)).rejects.toThrow(
      /no contract for com\.example\.test\.RefundIssued/,
    );
  });

  it('rejects messages that are not in the wire format', async () => {
    const serde = new Serde({ registry: registry.url });
    await expect(serde.deserialize(paymentV1, Buffer.from([1, 0, 0, 0, 1, 0]))).rejects.toThrow(
      WireFormatError,
    );
    await expect(serde.deserialize(paymentV1, Buffer.from([0, 0]))).rejects.toThrow(
      /shorter than the 5-byte header/,
    );
  });
});

describe('wire format helpers', () => {
  it('frames a payload behind the magic byte and a big-endian id', () => {
    const framed = frame(0x01020304, Buffer.from([0xaa]));
    expect(framed.toString('hex')).toBe('0001020304aa');
    expect(readSchemaId(framed)).toBe(0x01020304);
  });
});

describe('event id header', () => {
  it('gives an event a unique id once and keeps it on a retry', () => {
    const first = withEventId({ source: 'checkout' });
    const id = eventIdOf(first);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.source).toBe('checkout');
    expect(eventIdOf(withEventId(first))).toBe(id);
    expect(eventIdOf(withEventId())).not.toBe(id);
  });

  it('reads the id from Kafka header buffers', () => {
    expect(eventIdOf({ [EVENT_ID_HEADER]: Buffer.from('abc') })).toBe('abc');
    expect(eventIdOf({ [EVENT_ID_HEADER]: [Buffer.from('x'), 'y'] })).toBe('x');
    expect(eventIdOf({})).toBeUndefined();
  });
});

describe('writer schemas from the registry', () => {
  it('reports a writer schema that is not valid Avro as a ResolutionError', async () => {
    const registry = {
      lookupSchema: async () => ({ id: 1 }),
      register: async () => ({ id: 1 }),
      getSchemaById: async () => ({ schema: '{"type": "record", "name": "X"}' }),
    };
    const serde = new Serde({ registry });
    await expect(serde.deserialize(paymentV1, frame(1, Buffer.from([0])))).rejects.toThrow(
      /writer schema 1 is not a valid Avro schema: a record needs a "fields" array/,
    );
  });

  it('resolves Confluent schema references before parsing', async () => {
    const money =
      '{"type":"record","name":"Money","namespace":"com.example.test","fields":[{"name":"cents","type":"long"}]}';
    const registry = {
      lookupSchema: async () => ({ id: 1 }),
      register: async () => ({ id: 1 }),
      getSchemaById: async () => ({
        schema:
          '{"type":"record","name":"Tip","namespace":"com.example.test","fields":[{"name":"amount","type":"Money"}]}',
        references: [{ name: 'com.example.test.Money', subject: 'money', version: 1 }],
      }),
      getSchemaByVersion: async () => ({ schema: money }),
    };
    const tip = contract<{ amount: { cents: number } }>(
      'Tip',
      [{ name: 'amount', type: JSON.parse(money) }],
      'tips',
    );
    const serde = new Serde({ registry });
    const message = frame(1, tip.encode({ amount: { cents: 250 } }));
    expect(await serde.deserialize(tip, message)).toEqual({ amount: { cents: 250 } });
  });
});
