import { type FileHandle, open, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Op } from './ops.js';

/** Thrown when a record before the last one is damaged: the log cannot be trusted. */
export class LogCorruptError extends Error {}

interface Pending {
  data: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface LogOpenResult {
  log: LogFile;
  /** Every intact record, oldest first; each is the ops of one request. */
  records: Op[][];
  /** Set when a torn last record was dropped. */
  warning?: string;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** One record per line: `CRC32HEX JSON\n`, JSON being `{"ops":[…]}`. */
export function encodeRecord(ops: readonly Op[]): Buffer {
  const json = Buffer.from(JSON.stringify({ ops }), 'utf8');
  const crc = crc32(json).toString(16).padStart(8, '0');
  const out = Buffer.allocUnsafe(json.length + 10);
  out.write(crc, 0, 'latin1');
  out[8] = SPACE;
  json.copy(out, 9);
  out[out.length - 1] = NEWLINE;
  return out;
}

function decodeLine(buf: Buffer, start: number, end: number): Op[] | undefined {
  if (end - start < 10 || buf[start + 8] !== SPACE) return undefined;
  const crc = Number.parseInt(buf.toString('latin1', start, start + 8), 16);
  const json = buf.subarray(start + 9, end);
  if (!Number.isFinite(crc) || crc32(json) !== crc) return undefined;
  try {
    const value = JSON.parse(json.toString('utf8')) as { ops?: unknown };
    return Array.isArray(value.ops) ? (value.ops as Op[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Splits a log into intact records; `goodEnd` is where the intact prefix ends. */
export function scanLog(buf: Buffer): { records: Op[][]; goodEnd: number } {
  const records: Op[][] = [];
  let offset = 0;
  while (offset < buf.length) {
    const nl = buf.indexOf(NEWLINE, offset);
    const ops = nl === -1 ? undefined : decodeLine(buf, offset, nl);
    if (!ops) {
      // Damage is acceptable only at the tail (a write cut short by a crash): no intact record may follow.
      let next = nl === -1 ? -1 : nl + 1;
      while (next !== -1 && next < buf.length) {
        const after = buf.indexOf(NEWLINE, next);
        if (after === -1) break;
        if (decodeLine(buf, next, after)) {
          throw new LogCorruptError(
            `damaged record at byte ${offset} is followed by intact records; refusing to start`,
          );
        }
        next = after + 1;
      }
      break;
    }
    records.push(ops);
    offset = nl + 1;
  }
  return { records, goodEnd: offset };
}

/**
 * An append-only log like Confluent's `_schemas` topic. `append` resolves once the record is on disk
 * (written and fdatasync'ed); appends that arrive while a sync runs are written together by the next
 * one (group commit), so durability costs one sync per batch, not per request.
 */
export class LogFile {
  private queue: Pending[] = [];
  private flushing = false;
  private last: Promise<void> = Promise.resolve();
  private lastSettled = true;
  private failure: unknown;

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<LogOpenResult> {
    let existing: Buffer | undefined;
    try {
      existing = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let records: Op[][] = [];
    let warning: string | undefined;
    if (existing) {
      const scan = scanLog(existing);
      records = scan.records;
      if (scan.goodEnd < existing.length) {
        warning = `dropped a torn last record (${existing.length - scan.goodEnd} bytes at offset ${scan.goodEnd}) from ${path}`;
        await truncate(path, scan.goodEnd);
      }
    }
    const handle = await open(path, 'a');
    if (!existing || warning) await handle.sync();
    if (!existing) await syncDirectory(dirname(path));
    const result: LogOpenResult = { log: new LogFile(handle, path), records };
    if (warning) result.warning = warning;
    return result;
  }

  /** True while some appended record is not yet on disk. */
  get pending(): boolean {
    return !this.lastSettled;
  }

  /** The error that stopped the log, if a write or sync failed. */
  get failed(): unknown {
    return this.failure;
  }

  append(ops: readonly Op[]): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const data = encodeRecord(ops);
    const promise = new Promise<void>((resolve, reject) => {
      this.queue.push({ data, resolve, reject });
    });
    this.last = promise;
    this.lastSettled = false;
    const settle = () => {
      if (this.last === promise) this.lastSettled = true;
    };
    promise.then(settle, settle);
    if (!this.flushing) void this.flush();
    return promise;
  }

  /** Resolves when everything appended so far is on disk. */
  durable(): Promise<void> {
    return this.lastSettled ? Promise.resolve() : this.last;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        const data = batch.length === 1 ? batch[0]!.data : Buffer.concat(batch.map((p) => p.data));
        let written = 0;
        while (written < data.length) {
          const { bytesWritten } = await this.handle.write(data, written, data.length - written);
          written += bytesWritten;
        }
        await this.handle.datasync();
        for (const p of batch) p.resolve();
      } catch (error) {
        this.failure = error;
        for (const p of [...batch, ...this.queue]) p.reject(error);
        this.queue = [];
      }
    }
    this.flushing = false;
  }

  async close(): Promise<void> {
    await this.durable().catch(() => undefined);
    await this.handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // some platforms cannot fsync a directory
  } finally {
    await handle?.close();
  }
}
