import type { GroupJoinEventPort } from '../kafka/ports.js';

/**
 * The member's assignment as the kit last saw it (kafkajs' `isStale()` ignores rebalances, #1046, so the
 * kit tracks `consumer.group_join` and `consumer.rebalancing` itself). Before any join event the
 * assignment is unknown and every partition is accepted.
 */
export class AssignmentTracker {
  private assigned: Map<string, Set<number>> | undefined;
  private epoch = 0;

  onGroupJoin(event: GroupJoinEventPort): void {
    this.assigned = new Map(
      Object.entries(event.payload.memberAssignment).map(([topic, partitions]) => [
        topic,
        new Set(partitions),
      ]),
    );
    this.epoch++;
  }

  onRebalancing(): void {
    this.assigned = new Map();
    this.epoch++;
  }

  /** Changes on every join and rebalance: a batch that started in an older epoch stops. */
  get generation(): number {
    return this.epoch;
  }

  owns(topic: string, partition: number): boolean {
    return this.assigned === undefined || this.assigned.get(topic)?.has(partition) === true;
  }
}
