import { RegistryClient } from '@charter/registry-client';
import {
  AvroDeserializer,
  AvroSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

const USER = {
  type: 'record',
  name: 'User',
  namespace: 'com.example',
  fields: [{ name: 'name', type: 'string' }],
};
const EVOLVED = { ...USER, fields: [...USER.fields, { name: 'age', type: 'int', default: 0 }] };
const BREAKING = { ...USER, fields: [{ name: 'name', type: 'int' }] };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ quiet: true });
});
afterAll(async () => {
  await h.close();
});

function confluent(): SchemaRegistryClient {
  return new SchemaRegistryClient({ baseURLs: [h.registry.url], maxRetries: 0 });
}

describe('@kafkajs/confluent-schema-registry', () => {
  it('registers, looks up, encodes, decodes and checks compatibility', async () => {
    const registry = new SchemaRegistry({ host: h.registry.url });
    const schema = JSON.stringify(USER);
    const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject: 'orders-value' });
    expect(id).toBe(1);
    // kafkajs set the subject's level after its first registration (the 40408 handshake).
    expect((await h.call('GET', '/config/orders-value')).json).toEqual({ compatibilityLevel: 'BACKWARD' });
    expect(await registry.getLatestSchemaId('orders-value')).toBe(id);
    expect(await registry.getRegistryIdBySchema('orders-value', { type: SchemaType.AVRO, schema })).toBe(id);
    const again = await registry.register({ type: SchemaType.AVRO, schema }, { subject: 'orders-value' });
    expect(again.id).toBe(id);

    const bytes = await registry.encode(id, { name: 'a' });
    expect([...bytes]).toEqual([0, 0, 0, 0, 1, 2, 0x61]);
    expect(await new SchemaRegistry({ host: h.registry.url }).decode(bytes)).toEqual({ name: 'a' });

    const compatible = await registry['api'].Subject.compatible({
      subject: 'orders-value',
      body: { schema: JSON.stringify(EVOLVED) },
    });
    expect(compatible.data()).toEqual({ is_compatible: true });
    const breaking = await registry['api'].Subject.compatible({
      subject: 'orders-value',
      body: { schema: JSON.stringify(BREAKING) },
    });
    expect(breaking.data()).toEqual({ is_compatible: false });
  });

  it('sees the registry messages verbatim', async () => {
    const registry = new SchemaRegistry({ host: h.registry.url });
    await expect(registry.getLatestSchemaId('nope-value')).rejects.toThrow("Subject 'nope-value' not found.");
    await expect(
      registry.getRegistryIdBySchema('orders-value', { type: SchemaType.AVRO, schema: '"int"' }),
    ).rejects.toThrow('Schema not found');
    await expect(
      registry.register(
        { type: SchemaType.AVRO, schema: JSON.stringify(BREAKING) },
        { subject: 'orders-value' },
      ),
    ).rejects.toThrow('Schema being registered is incompatible');
  });
});

describe('@confluentinc/schemaregistry', () => {
  it('registers, reads metadata and tests compatibility', async () => {
    const client = confluent();
    const schema = JSON.stringify(USER);
    const id = await client.register('payments-value', { schemaType: 'AVRO', schema });
    const latest = await client.getLatestSchemaMetadata('payments-value');
    expect(latest).toMatchObject({ id, version: 1, subject: 'payments-value' });
    expect(JSON.parse(latest.schema!)).toEqual(USER);
    expect(
      await client.testSubjectCompatibility('payments-value', {
        schemaType: 'AVRO',
        schema: JSON.stringify(EVOLVED),
      }),
    ).toBe(true);
    expect(
      await client.testSubjectCompatibility('payments-value', {
        schemaType: 'AVRO',
        schema: JSON.stringify(BREAKING),
      }),
    ).toBe(false);
  });

  it('serializes with the latest version and deserializes by id', async () => {
    const client = confluent();
    await client.register('payments-value', { schemaType: 'AVRO', schema: JSON.stringify(USER) });
    const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
    const bytes = await serializer.serialize('payments', { name: 'b' });
    const deserializer = new AvroDeserializer(confluent(), SerdeType.VALUE, {});
    expect(await deserializer.deserialize('payments', bytes)).toEqual({ name: 'b' });
  });
});

describe('cross-client wire compatibility', () => {
  it('bytes encoded by one client decode with the other', async () => {
    const schema = JSON.stringify(USER);
    const kafkajs = new SchemaRegistry({ host: h.registry.url });
    const { id } = await kafkajs.register({ type: SchemaType.AVRO, schema }, { subject: 'cross-value' });

    const fromKafkajs = await kafkajs.encode(id, { name: 'kafkajs' });
    const deserializer = new AvroDeserializer(confluent(), SerdeType.VALUE, {});
    expect(await deserializer.deserialize('cross', fromKafkajs)).toEqual({ name: 'kafkajs' });

    const serializer = new AvroSerializer(confluent(), SerdeType.VALUE, { useLatestVersion: true });
    const fromConfluent = await serializer.serialize('cross', { name: 'confluent' });
    expect(fromConfluent.readInt32BE(1)).toBe(id);
    expect(await new SchemaRegistry({ host: h.registry.url }).decode(fromConfluent)).toEqual({
      name: 'confluent',
    });
  });

  it('our client agrees with both', async () => {
    const client = new RegistryClient({ url: h.registry.url, env: {} });
    const confluentId = await confluent().register('ours-value', {
      schemaType: 'AVRO',
      schema: JSON.stringify(USER),
    });
    const ours = await client.register('ours-value', USER);
    expect(ours.id).toBe(confluentId);
    const found = await client.lookupSchema('ours-value', JSON.stringify(USER, null, 2));
    expect(found).toMatchObject({ subject: 'ours-value', version: 1, id: confluentId });
    expect(JSON.parse((await client.getSchemaById(confluentId)).schema)).toEqual(USER);
    const verdict = await client.testCompatibility('ours-value', BREAKING, { verbose: true });
    expect(verdict.is_compatible).toBe(false);
    expect(verdict.messages?.at(-1)).toBe("{validateFields: 'false', compatibility: 'BACKWARD'}");
    await expect(client.getVersions('missing')).rejects.toMatchObject({ status: 404, errorCode: 40401 });
  });
});
