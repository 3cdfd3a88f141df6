import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegistryCore } from '../core.js';
import { byIdBody } from '../reads.js';
import { parseSchemaId } from '../schema-id.js';

const PREFIX = '/schemas/ids/';

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
  const id = parseSchemaId(url, PREFIX.length);
  if (id === undefined) return false;
  const stored = core.state.ids.get(id);
  if (!stored) return false;
  const body = byIdBody(stored);
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
  res.end(body);
  return true;
}
