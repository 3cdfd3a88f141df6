import { type EachBatchPayload, Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { ConsumerStore } from '../src/index.js';
import {
  type ConsumerPort,
  createConsumerKit,
  type KafkaPort,
  type ProducerPort,
  reliableProducerConfig,
  ScriptedKafka,
} from '../src/index.js';

const kafka = new Kafka({ clientId: 'shape-test', brokers: ['127.0.0.1:9'], logLevel: 0 });

// Compile-time: kafkajs 2.2.4's real client types satisfy the kit's ports (checked by tsc on test/).
const asKafka: KafkaPort = kafka;
const asConsumer: ConsumerPort = kafka.consumer({ groupId: 'g' });
const asProducer: ProducerPort = kafka.producer(reliableProducerConfig());
const asDouble: KafkaPort = new ScriptedKafka();

describe('the kafkajs 2.2.4 adapter', () => {
  it('runs eachBatch with auto-commit off, auto-resolve off, one partition at a time, on kafkajs event names', async () => {
    const consumer = kafka.consumer({ groupId: 'g' });
    const kit = createConsumerKit({
      groupId: 'g',
      store: {} as ConsumerStore,
      producer: asProducer,
      decode: () => null,
      handle: async () => {},
    });
    const runs: unknown[] = [];
    const listened: string[] = [];
    const patched = Object.assign(consumer, {
      run: async (config: unknown) => {
        runs.push(config);
      },
      on: (name: string) => {
        listened.push(name);
        return () => {};
      },
    });
    await kit.run(patched as unknown as ConsumerPort);
    expect(runs).toEqual([
      {
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: kit.eachBatch,
      },
    ]);
    expect(listened).toEqual([consumer.events.GROUP_JOIN, consumer.events.REBALANCING]);
    const typed: (payload: EachBatchPayload) => Promise<void> = kit.eachBatch;
    expect(typed).toBe(kit.eachBatch);
    expect([asKafka, asConsumer, asProducer, asDouble].every(Boolean)).toBe(true);
  });
});
