import type { AssignmentTracker } from './assignment.js';
import type { Clock } from './clock.js';
import type { ConsumerKitOptions } from './options.js';

export interface BatchContext<E> {
  options: ConsumerKitOptions<E>;
  clock: Clock;
  assignment: AssignmentTracker;
}
