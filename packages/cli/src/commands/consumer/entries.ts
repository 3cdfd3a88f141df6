import type { CommandEntry } from '../index.js';

/** Commands of this area, merged into the command table by ../index.ts. */
export const ENTRIES: CommandEntry[] = [
  {
    name: 'dlt replay',
    summary: "Re-publish a consumer group's dead letters from a dead-letter topic once the cause is fixed",
    load: () => import('./dlt-replay-command.js'),
  },
];
