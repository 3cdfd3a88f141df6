import type { CommandEntry } from '../index.js';

/** Commands of this area, merged into the command table by ../index.ts. */
export const ENTRIES: CommandEntry[] = [
  {
    name: 'changeset',
    summary: 'Write one changeset per changed contract with the bump its schema change needs, in words',
    load: () => import('./changeset-command.js'),
  },
  {
    name: 'release version',
    summary: 'Refuse untruthful changesets, run `changeset version`, record releases/<version>.avsc',
    load: () => import('./version-command.js'),
  },
  {
    name: 'release publish',
    summary: 'Publish the event packages and their runtime (@charter/serde, ...) to a registry',
    load: () => import('./publish-command.js'),
  },
];
