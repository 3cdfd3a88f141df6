import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RegistryCore } from '../core.js';
import { Errors, RestError } from '../errors.js';
import { parseJsonBody, readBody } from './body.js';
import { serveCachedSchema } from './fast-path.js';
import { acceptsRequestType, negotiate, V1_JSON } from './negotiate.js';
import { Query } from './query.js';
import { type Call, matchRoute, RawJson } from './routes.js';

export interface HttpOptions {
  maxBodyBytes: number;
  /** One line per request; undefined when quiet. */
  info: ((line: string) => void) | undefined;
  /** Unexpected failures (always reported). */
  error: (line: string) => void;
}

const EMPTY_QUERY = new Query('');

function splitPath(path: string): string[] | undefined {
  const segments = path.split('/');
  segments.shift();
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  try {
    for (let i = 0; i < segments.length; i++) segments[i] = decodeURIComponent(segments[i]!);
  } catch {
    return undefined;
  }
  return segments;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer | string, close = false): void {
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
  };
  if (close) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(body);
}

/** Serves the Confluent REST API over node:http for one registry. */
export function createHttpServer(core: RegistryCore, options: HttpOptions): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const type = negotiate(req.headers.accept);
    let close = false;
    try {
      if (type === undefined) throw Errors.notAcceptable();
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const segments = splitPath(q === -1 ? url : url.slice(0, q));
      const match = segments && matchRoute(segments);
      if (!match) throw Errors.httpNotFound();
      const method = req.method ?? 'GET';
      const handler = match.route.methods[method];
      if (!handler) throw Errors.methodNotAllowed();
      const call: Call = {
        core,
        params: match.params,
        query: q === -1 ? EMPTY_QUERY : new Query(url.slice(q + 1)),
        body: async () => {
          if (!acceptsRequestType(req.headers['content-type'])) throw Errors.unsupportedMediaType();
          try {
            return parseJsonBody(await readBody(req, options.maxBodyBytes));
          } catch (error) {
            // The rest of an oversized body is not read: the connection cannot be reused.
            if (error instanceof RestError && error.status === 413) close = true;
            throw error;
          }
        },
      };
      const result = await handler(call);
      // Nothing leaves before every change it might reflect is on disk.
      if (core.log.pending) await core.log.durable();
      if (result instanceof Buffer) send(res, 200, type, result);
      else if (result instanceof RawJson) send(res, 200, type, result.text);
      else send(res, 200, type, JSON.stringify(result));
      return 200;
    } catch (caught) {
      let error: RestError;
      if (caught instanceof RestError) error = caught;
      else {
        options.error(
          `${new Date().toISOString()} ERROR ${req.method} ${req.url}: ${(caught as Error)?.stack ?? caught}`,
        );
        error = Errors.internal();
      }
      if (core.log.pending) await core.log.durable().catch(() => undefined);
      const body = JSON.stringify({ error_code: error.code, message: error.message });
      if (!res.headersSent) send(res, error.status, type ?? V1_JSON, body, close);
      return error.status;
    }
  };

  return createServer((req, res) => {
    const info = options.info;
    const started = info ? process.hrtime.bigint() : 0n;
    const type = negotiate(req.headers.accept);
    if (type !== undefined && serveCachedSchema(core, req, res, type)) {
      if (info) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        info(`${new Date().toISOString()} INFO ${req.method} ${req.url} 200 ${ms.toFixed(2)}ms`);
      }
      return;
    }
    handle(req, res).then(
      (status) => {
        if (!info) return;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        info(`${new Date().toISOString()} INFO ${req.method} ${req.url} ${status} ${ms.toFixed(2)}ms`);
      },
      (error: unknown) => {
        options.error(`${new Date().toISOString()} ERROR ${req.method} ${req.url}: ${String(error)}`);
        if (!res.headersSent) res.destroy();
      },
    );
  });
}

export function serverPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}
