import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** vitest's own TypeScript runner, so child processes run the sources without a build. */
function viteNode(): string {
  const fromVitest = createRequire(createRequire(import.meta.url).resolve('vitest/package.json'));
  const cli = join(fromVitest.resolve('vite-node/package.json'), '..', 'vite-node.mjs');
  if (!existsSync(cli)) throw new Error(`vite-node not found at ${cli}`);
  return cli;
}

/** A `lock-child.ts` process driven line by line. */
export class LockChild {
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
  private buffer = '';
  private waiters: ((line: string) => void)[] = [];
  private lines: string[] = [];

  constructor(lockPath: string) {
    this.process = spawn(
      process.execPath,
      [viteNode(), join(import.meta.dirname, 'lock-child.ts'), lockPath],
      {
        cwd: join(import.meta.dirname, '..', '..'),
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    this.exited = new Promise((resolve) => this.process.once('exit', () => resolve()));
    this.process.stdout!.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString();
      let nl = this.buffer.indexOf('\n');
      while (nl !== -1) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        const waiter = this.waiters.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
        nl = this.buffer.indexOf('\n');
      }
    });
  }

  get pid(): number {
    return this.process.pid!;
  }

  /** The next line the child prints. */
  next(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve, reject) => {
      this.waiters.push(resolve);
      this.exited.then(() => reject(new Error(`child ${this.pid} exited`)));
    });
  }

  send(command: 'take' | 'release'): void {
    this.process.stdin!.write(`${command}\n`);
  }

  async ready(): Promise<this> {
    const line = await this.next();
    if (line !== 'READY') throw new Error(`unexpected ${line}`);
    return this;
  }

  async take(): Promise<string> {
    this.send('take');
    return this.next();
  }

  /** Ends the child: gracefully (stdin closed) or with `SIGKILL`, leaving a held lock behind. */
  async stop(signal?: 'SIGKILL'): Promise<void> {
    if (signal) this.process.kill(signal);
    else this.process.stdin!.end();
    await this.exited;
  }
}
