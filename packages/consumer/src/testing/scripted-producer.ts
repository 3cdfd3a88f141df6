import type { ProducerRecordPort, RecordMetadataPort } from '../kafka/ports.js';
import type { ScriptedKafka } from './scripted-kafka.js';

/** A kafkajs-shaped producer on the double: `send` appends, or fails as scripted in `kafka.faults`. */
export class ScriptedProducer {
  private readonly kafka: ScriptedKafka;

  constructor(kafka: ScriptedKafka) {
    this.kafka = kafka;
  }

  async connect(): Promise<void> {}

  async disconnect(): Promise<void> {}

  async send(record: ProducerRecordPort): Promise<RecordMetadataPort[]> {
    await Promise.resolve();
    const placed = this.kafka.produce(
      record.topic,
      record.acks,
      record.messages.map((m) => {
        const input: Parameters<ScriptedKafka['appendKeyed']>[1] = { value: m.value };
        if (m.key !== undefined) input.key = m.key;
        if (m.headers !== undefined) input.headers = m.headers;
        if (m.timestamp !== undefined) input.timestamp = m.timestamp;
        if (m.partition !== undefined) input.partition = m.partition;
        return input;
      }),
    );
    return placed.map((p) => ({
      topicName: record.topic,
      partition: p.partition,
      errorCode: 0,
      baseOffset: p.offset,
    }));
  }
}
