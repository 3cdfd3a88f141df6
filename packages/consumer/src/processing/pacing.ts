import type { EachBatchPayloadPort } from '../kafka/ports.js';
import type { Clock } from './clock.js';

/** The batch loop must stop: the client is stopping, the partition was sought, or a rebalance started. */
export interface StopSignal {
  shouldStop(): boolean;
}

const HEARTBEAT_SLICE_MS = 1_000;

/**
 * Sleeps `ms`, heartbeating at least once a second so that back-off never costs the assignment. A
 * heartbeat that reports a rebalance throws (the client rejoins). Returns false when the loop must stop.
 */
export async function sleepHeartbeating(
  clock: Clock,
  payload: EachBatchPayloadPort,
  stop: StopSignal,
  ms: number,
): Promise<boolean> {
  let left = ms;
  while (left > 0) {
    if (stop.shouldStop()) return false;
    const slice = Math.min(left, HEARTBEAT_SLICE_MS);
    await clock.sleep(slice);
    left -= slice;
    await payload.heartbeat();
  }
  return !stop.shouldStop();
}

export function backoffAt(schedule: readonly number[], index: number): number {
  if (schedule.length === 0) return 0;
  return schedule[Math.min(index, schedule.length - 1)]!;
}
