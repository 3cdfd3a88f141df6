import type { ConsumerPort, EachBatchPayloadPort } from './kafka/ports.js';
import { AssignmentTracker } from './processing/assignment.js';
import { processBatch } from './processing/batch-processor.js';
import { systemClock } from './processing/clock.js';
import type { ConsumerKitOptions } from './processing/options.js';

export interface ConsumerKit {
  /** The `eachBatch` handler, for a runner of your own; `run` wires it with the right settings. */
  eachBatch(payload: EachBatchPayloadPort): Promise<void>;
  /**
   * Starts the consumer (already connected and subscribed) with auto-commit off, `eachBatchAutoResolve`
   * off and one partition at a time; the kit resolves and commits explicit offsets itself.
   */
  run(consumer: ConsumerPort): Promise<void>;
}

/** At-least-once consumption made effectively-once by the store: see docs/consumer.md. */
export function createConsumerKit<E>(options: ConsumerKitOptions<E>): ConsumerKit {
  const assignment = new AssignmentTracker();
  const ctx = { options, clock: options.clock ?? systemClock, assignment };
  const eachBatch = (payload: EachBatchPayloadPort) => processBatch(ctx, payload);
  return {
    eachBatch,
    async run(consumer) {
      consumer.on('consumer.group_join', (event) => assignment.onGroupJoin(event));
      consumer.on('consumer.rebalancing', () => assignment.onRebalancing());
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        // PGlite runs one transaction at a time, and per-partition order is what the offset gate keeps.
        partitionsConsumedConcurrently: 1,
        eachBatch,
      });
    },
  };
}
