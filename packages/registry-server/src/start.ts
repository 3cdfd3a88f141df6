import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RegistryCore } from './core.js';
import { createHttpServer, serverPort } from './http/server.js';
import { type CompatibilityLevel, DEFAULT_LEVEL } from './levels.js';
import { acquireLock } from './store/lock-file.js';
import { LogFile } from './store/log-file.js';
import { RegistryState } from './store/state.js';

export interface RegistryServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8081; 0 picks a free port. */
  port?: number;
  /** Where the log and lock file live (created if missing). */
  dataDir: string;
  /** No per-request log lines. */
  quiet?: boolean;
  /** Where request lines go (default stdout). */
  log?: (line: string) => void;
  /** Where warnings and unexpected errors go (default stderr). */
  warn?: (line: string) => void;
  /** Largest request body in bytes (default 16 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** The global level when none was set (default BACKWARD). */
  defaultCompatibility?: CompatibilityLevel;
  /** `error_code` of a 409 for an incompatible registration: 409 (default, CP 7.x) or 40901 (CP 8.2+). */
  incompatibleErrorCode?: 409 | 40901;
}

export interface RunningRegistry {
  /** `http://host:port`, no trailing slash. */
  url: string;
  host: string;
  port: number;
  dataDir: string;
  /** Records replayed from the log at start. */
  replayed: number;
  /** Stops listening, waits for pending writes, closes the log and releases the lock. */
  close(): Promise<void>;
}

export const LOG_FILE = 'schemas.log';

function defaultLog(line: string): void {
  process.stdout.write(`${line}\n`);
}

function defaultWarn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Starts the embedded registry: replays DATA/schemas.log, then serves the Confluent REST API.
 * Refuses a data directory another live server holds.
 */
export async function startRegistryServer(options: RegistryServerOptions): Promise<RunningRegistry> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir);
  const warn = options.warn ?? defaultWarn;
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireLock(dataDir);
  let log: LogFile | undefined;
  try {
    const opened = await LogFile.open(join(dataDir, LOG_FILE));
    log = opened.log;
    if (opened.warning) warn(`${new Date().toISOString()} WARN ${opened.warning}`);
    const state = new RegistryState();
    for (const record of opened.records) for (const op of record) state.apply(op);
    const core = new RegistryCore(
      state,
      log,
      options.defaultCompatibility ?? DEFAULT_LEVEL,
      options.incompatibleErrorCode ?? 409,
    );
    const server = createHttpServer(core, {
      maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
      info: options.quiet ? undefined : (options.log ?? defaultLog),
      error: warn,
    });
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8081, host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
    const port = serverPort(server);
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const openLog = log;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${shownHost}:${port}`,
      host,
      port,
      dataDir,
      replayed: opened.records.length,
      close() {
        closing ??= (async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          });
          await openLog.close();
          lock.release();
        })();
        return closing;
      },
    };
  } catch (error) {
    await log?.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}
