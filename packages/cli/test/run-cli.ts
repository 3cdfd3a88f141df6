import { Writable } from 'node:stream';
import { main } from '@charter/cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `charter ARGS` in-process with captured output. */
export async function runCli(args: string[], cwd: string): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { cwd, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
