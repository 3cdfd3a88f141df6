import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegistryCore } from '../core.js';
import { byIdShape } from '../shapes.js';

const PREFIX = '/schemas/ids/';
const MAX_ID = 2 ** 31 - 1;

/**
 * `GET /schemas/ids/{id}` without query parameters, for a known id, with nothing waiting for the disk:
 * the deserializers' hot path. Answers the cached body without routing; returns false for anything
 * else (the general handler then answers it, with identical results).
 */
export function serveCachedSchema(
  core: RegistryCore,
  req: IncomingMessage,
  res: ServerResponse,
  type: string,
): boolean {
  const url = req.url;
  if (req.method !== 'GET' || url === undefined || !url.startsWith(PREFIX) || core.log.pending) return false;
  const length = url.length - PREFIX.length;
  if (length < 1 || length > 10) return false;
  for (let i = PREFIX.length; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  const id = Number(url.slice(PREFIX.length));
  if (id > MAX_ID) return false;
  const stored = core.state.ids.get(id);
  if (!stored) return false;
  stored.byIdBody ??= Buffer.from(JSON.stringify(byIdShape(stored)), 'utf8');
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': stored.byIdBody.length });
  res.end(stored.byIdBody);
  return true;
}
