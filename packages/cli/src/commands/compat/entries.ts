import type { CommandEntry } from '../index.js';

/** Commands of this area, merged into the command table by ../index.ts. */
export const ENTRIES: CommandEntry[] = [
  {
    name: 'compat',
    summary: 'Check that a reader schema can read everything a writer schema writes',
    load: () => import('./compat-command.js'),
  },
  {
    name: 'check',
    summary: 'Check every event schema against its released versions, the changesets and the registry',
    load: () => import('./check-command.js'),
  },
];
