import type { IncomingMessage } from 'node:http';
import { Errors } from '../errors.js';
import { valueNestsDeeperThan } from '../json-depth.js';

/** Request bodies nest little (a schema is a string inside); deeper JSON is refused, never recursed. */
export const MAX_BODY_DEPTH = 64;

/** Reads the whole body, refusing more than `limit` bytes with 413 (before reading, when it can). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(Errors.tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        req.pause();
        reject(Errors.tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

/** Parses a JSON body; empty is `undefined`. 400 for malformed or too deeply nested JSON. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw Errors.badJson((error as Error).message);
  }
  if (valueNestsDeeperThan(value, MAX_BODY_DEPTH)) {
    throw Errors.badRequest(`The request body nests deeper than ${MAX_BODY_DEPTH} levels`);
  }
  return value;
}
