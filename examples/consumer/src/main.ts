import { OrderPlaced } from '@acme-events/order-placed';
import {
  type ConsumerPort,
  openPgliteStore,
  openPostgresStore,
  reliableProducerConfig,
} from '@charter/consumer';
import { Serde } from '@charter/serde';
import { Kafka } from 'kafkajs';
import { BILLING_GROUP, billingConsumer, migrateBilling } from './billing.js';

/**
 * The billing service. Configuration from the environment:
 *   KAFKA_BROKERS        host:port[,host:port]
 *   SCHEMA_REGISTRY_URL  e.g. http://localhost:8081 (`charter registry serve` in development)
 *   DATABASE_URL         a shared PostgreSQL (several instances), or
 *   BILLING_STORE_DIR    a PGlite directory (one instance only; locked)
 */
async function main(): Promise<void> {
  const env = process.env;
  const brokers = (env['KAFKA_BROKERS'] ?? 'localhost:9092').split(',');
  const store = env['DATABASE_URL']
    ? await openPostgresStore({ connectionString: env['DATABASE_URL'] })
    : await openPgliteStore({ dir: env['BILLING_STORE_DIR'] ?? '.billing-store' });
  await migrateBilling(store);
  const kafka = new Kafka({ clientId: 'billing', brokers });
  const producer = kafka.producer(reliableProducerConfig());
  const consumer = kafka.consumer({ groupId: BILLING_GROUP });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [OrderPlaced.topic] });
  const serde = new Serde({ registry: env['SCHEMA_REGISTRY_URL'] ?? 'http://localhost:8081' });
  const kit = billingConsumer({
    store,
    producer,
    serde,
    observer: (e) => {
      if (e.type === 'dead-lettered' || e.type === 'gap' || e.type === 'dead-letter-send-failed') {
        console.warn(JSON.stringify(e, (_k, v) => (v instanceof Error ? v.message : v)));
      }
    },
  });
  await kit.run(consumer as ConsumerPort);
  const shutdown = async () => {
    await consumer.disconnect();
    await producer.disconnect();
    await store.close();
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

await main();
