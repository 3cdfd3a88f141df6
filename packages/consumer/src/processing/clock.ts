import { setTimeout as delay } from 'node:timers/promises';

/** Time as the kit sees it; tests pass a fake clock so back-off is instant and assertable. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => delay(ms),
};
