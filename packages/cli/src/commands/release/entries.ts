import type { CommandEntry } from '../index.js';

/** Commands of this area, merged into the command table by ../index.ts. */
export const ENTRIES: CommandEntry[] = [];
