import type { Clock } from '../processing/clock.js';

/**
 * A clock that only moves when told. `sleep` advances it at once (and records the sleep), so back-off
 * schedules are instant in tests and can be asserted exactly.
 */
export class FakeClock implements Clock {
  private current: number;
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.current += ms;
    await Promise.resolve();
  }
}
