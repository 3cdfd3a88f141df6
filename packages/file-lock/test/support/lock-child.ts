// A process that takes a lock on command, for the race tests: `vite-node lock-child.ts LOCK_PATH`.
// Reads lines on stdin: `take` tries the lock and prints `HELD <pid>` or `REFUSED <reason>`;
// `release` releases a held lock and prints `RELEASED`; end of input releases it too. Prints `READY` once it listens.
import { createInterface } from 'node:readline';
import { acquireFileLock, type FileLock, FileLockedError } from '../../src/index.js';

const path = process.argv[2];
if (!path) throw new Error('usage: lock-child.ts LOCK_PATH');
let held: FileLock | undefined;
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'take') {
    try {
      held = acquireFileLock(path);
      process.stdout.write(`HELD ${process.pid}\n`);
    } catch (error) {
      if (!(error instanceof FileLockedError)) throw error;
      process.stdout.write(`REFUSED ${error.reason}\n`);
    }
  } else if (line === 'release') {
    held?.release();
    held = undefined;
    process.stdout.write('RELEASED\n');
  }
});
lines.on('close', () => {
  held?.release();
  process.exit(0);
});
process.stdout.write('READY\n');
