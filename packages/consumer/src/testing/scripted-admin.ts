import type { ScriptedKafka } from './scripted-kafka.js';

/** The few kafkajs admin calls `charter dlt replay` makes, on the double. */
export class ScriptedAdmin {
  private readonly kafka: ScriptedKafka;

  constructor(kafka: ScriptedKafka) {
    this.kafka = kafka;
  }

  async connect(): Promise<void> {}

  async disconnect(): Promise<void> {}

  async fetchTopicOffsets(
    topic: string,
  ): Promise<{ partition: number; offset: string; high: string; low: string }[]> {
    return Array.from({ length: this.kafka.partitionCount(topic) }, (_, partition) => {
      const { low, high } = this.kafka.watermarks(topic, partition);
      return { partition, offset: high.toString(), high: high.toString(), low: low.toString() };
    });
  }

  async fetchOffsets(options: {
    groupId: string;
    topics: string[];
  }): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]> {
    return options.topics.map((topic) => ({
      topic,
      partitions: Array.from({ length: this.kafka.partitionCount(topic) }, (_, partition) => ({
        partition,
        offset: this.kafka.committed(options.groupId, topic, partition) ?? '-1',
      })),
    }));
  }

  async setOffsets(options: {
    groupId: string;
    topic: string;
    partitions: { partition: number; offset: string }[];
  }): Promise<void> {
    this.kafka.assertNoActiveMembers(options.groupId);
    for (const p of options.partitions)
      this.kafka.setCommitted(options.groupId, options.topic, p.partition, p.offset);
  }

  async resetOffsets(options: { groupId: string; topic: string; earliest?: boolean }): Promise<void> {
    for (let partition = 0; partition < this.kafka.partitionCount(options.topic); partition++) {
      const { low, high } = this.kafka.watermarks(options.topic, partition);
      this.kafka.setCommitted(options.groupId, options.topic, partition, options.earliest ? low : high);
    }
  }
}
