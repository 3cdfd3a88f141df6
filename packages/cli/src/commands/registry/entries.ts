import type { CommandEntry } from '../index.js';

/** Commands of this area, merged into the command table by ../index.ts. */
export const ENTRIES: CommandEntry[] = [
  {
    name: 'registry serve',
    summary: 'Run the embedded Confluent-compatible schema registry',
    load: () => import('./serve-command.js'),
  },
  {
    name: 'registry level',
    summary: "Read or set a subject's compatibility level in the registry",
    load: () => import('./level-command.js'),
  },
  {
    name: 'register',
    summary: "Register every event's schema under its subject (idempotent; the CI/CD step)",
    load: () => import('./register-command.js'),
  },
];
