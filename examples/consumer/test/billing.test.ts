import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrderPlaced, type OrderPlacedInit } from '@acme-events/order-placed';
import {
  type ConsumerStore,
  FakeClock,
  type MessageHeaders,
  openPgliteStore,
  ScriptedKafka,
} from '@charter/consumer';
import { RegistryClient } from '@charter/registry-client';
import { type RunningRegistry, startRegistryServer } from '@charter/registry-server';
import { Serde, withEventId } from '@charter/serde';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILLING_GROUP, billingConsumer, migrateBilling } from '../src/index.js';

const DLT = `${OrderPlaced.topic}-dlt`;
let registry: RunningRegistry;
let store: ConsumerStore;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'billing-example-'));
  registry = await startRegistryServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(dir, 'registry'),
    quiet: true,
  });
  // CI registers the contract after the compatibility gate; the service only looks it up.
  await new RegistryClient({ url: registry.url }).register(OrderPlaced.subject, OrderPlaced.schema);
  store = await openPgliteStore({ dir: join(dir, 'store') });
  await migrateBilling(store);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await registry?.close();
  rmSync(dir, { recursive: true, force: true });
});

function order(orderId: string, total: string, items = 1): OrderPlacedInit {
  return {
    orderId,
    placedAt: new Date('2025-03-01T10:00:00Z'),
    customer: {
      customerId: '7d4c8f52-3c55-4d1e-9d0e-5a4a4c9d8e11',
      fullName: 'Ada',
      email: 'ada@example.com',
    },
    items: Array.from({ length: items }, (_, i) => ({
      sku: `SKU-${i}`,
      title: 'Widget',
      quantity: 1,
      unitPrice: { amount: total },
    })),
    total: { amount: total, currency: 'EUR' },
    shippingAddress: { line1: '1 Main St', town: 'Paris', postcode: '75001', countryCode: 'FR' },
  };
}

describe('the billing example service', () => {
  it('invoices each order once; re-sends are skipped, a second event for an order is dead-lettered', async () => {
    const kafka = new ScriptedKafka({ clock: new FakeClock() });
    kafka.createTopic(OrderPlaced.topic, 3);
    kafka.createTopic(DLT, 3);
    const checkout = new Serde({ registry: registry.url });
    const publish = async (init: OrderPlacedInit, eventId = randomUUID()) => {
      const value = await checkout.serialize(OrderPlaced, OrderPlaced.create(init));
      const headers = withEventId({ ce_source: 'checkout' }, eventId) as MessageHeaders;
      kafka.appendKeyed(OrderPlaced.topic, { key: init.orderId, value, headers });
      return eventId;
    };
    const ids = Array.from({ length: 6 }, () => randomUUID());
    const first = await publish(order(ids[0]!, '10.00'));
    for (let i = 1; i < 5; i++) await publish(order(ids[i]!, `${i}.50`));
    await publish(order(ids[0]!, '10.00'), first); // the producer retried: same event id
    await publish(order(ids[0]!, '99.99')); // another event claims the same order
    await publish(order(ids[5]!, '5.00', 0)); // cannot be billed

    const consumer = kafka.consumer({ groupId: BILLING_GROUP });
    await consumer.subscribe({ topics: [OrderPlaced.topic], fromBeginning: true });
    const kit = billingConsumer({
      store,
      producer: kafka.producer(),
      serde: new Serde({ registry: registry.url }),
      clock: kafka.clock,
    });
    await kit.run(consumer);
    while (await consumer.poll()) {}

    const invoices = await store.query<{
      order_id: string;
      total: string;
      currency: string;
      event_id: string;
    }>('select order_id, total::text, currency, event_id from invoice order by total');
    expect(invoices.rows).toHaveLength(5);
    expect(invoices.rows.find((r) => r.order_id === ids[0])).toMatchObject({
      total: '10.00',
      event_id: first,
    });
    expect(invoices.rows.map((r) => r.total)).toEqual(['1.50', '10.00', '2.50', '3.50', '4.50'].sort());

    const deadLetters = kafka.allRecords(DLT).map((r) => ({
      reason: r.headers['charter_dlt-reason']?.toString(),
      holder: r.headers['charter_dlt-holder-event-id']?.toString(),
      kind: r.headers['charter_dlt-conflict-kind']?.toString(),
      fqcn: r.headers['kafka_dlt-exception-fqcn']?.toString(),
    }));
    expect(deadLetters).toEqual(
      expect.arrayContaining([
        {
          reason: 'business-key-conflict',
          holder: first,
          kind: 'different-payload',
          fqcn: 'charter.BusinessKeyConflict',
        },
        { reason: 'poison', holder: undefined, kind: undefined, fqcn: 'charter.UnbillableOrder' },
      ]),
    );
    expect(deadLetters).toHaveLength(2);
    for (let p = 0; p < 3; p++) {
      const { high } = kafka.watermarks(OrderPlaced.topic, p);
      expect(kafka.committed(BILLING_GROUP, OrderPlaced.topic, p) ?? '0').toBe(high.toString());
    }
  });
});
