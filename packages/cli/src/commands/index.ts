import type { Command } from '../command.js';
import { ENTRIES as BUILD } from './build/entries.js';
import { ENTRIES as COMPAT } from './compat/entries.js';
import { ENTRIES as CONSUMER } from './consumer/entries.js';
import { ENTRIES as IDL } from './idl/entries.js';
import { ENTRIES as REGISTRY } from './registry/entries.js';
import { ENTRIES as RELEASE } from './release/entries.js';

/** A command, loaded only when it runs so that start-up stays fast. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ default: Command }>;
}

const OWN: CommandEntry[] = [
  {
    name: 'fingerprint',
    summary: 'Print the canonical form and fingerprints of a .avsc file',
    load: () => import('./fingerprint.js'),
  },
];

export const COMMANDS: CommandEntry[] = [
  ...OWN,
  ...IDL,
  ...COMPAT,
  ...BUILD,
  ...REGISTRY,
  ...RELEASE,
  ...CONSUMER,
].sort((a, b) => a.name.localeCompare(b.name));
