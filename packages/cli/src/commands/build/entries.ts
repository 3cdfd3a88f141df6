import type { CommandEntry } from '../index.js';

/** Commands of this area, merged into the command table by ../index.ts. */
export const ENTRIES: CommandEntry[] = [
  {
    name: 'build',
    summary: 'Generate one package per event from idl/ and build it (types, codec, schema, README, dist)',
    load: () => import('./build-command.js'),
  },
];
