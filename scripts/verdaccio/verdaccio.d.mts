export interface RunningVerdaccio {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** Where its config, storage and log live. */
  dir: string;
  pid: number | undefined;
  /** Ends the server and waits for it to exit. */
  stop(): Promise<void>;
}

export interface StartVerdaccioOptions {
  /** Storage directory (default: a new temporary directory). */
  dir?: string;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** How long to wait for /-/ping (default 60 s). */
  timeoutMs?: number;
}

export function startVerdaccio(options?: StartVerdaccioOptions): Promise<RunningVerdaccio>;
