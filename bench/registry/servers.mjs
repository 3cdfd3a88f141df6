// Child-process servers for the registry benchmarks, so that each server has its own event loop and the
// load generator (autocannon, in the parent) does not share it.
//   node servers.mjs ours DATA_DIR        the embedded registry (built dist), quiet
//   node servers.mjs bare BODIES.json     node:http answering GET /schemas/ids/{id} from a map

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [kind, arg] = process.argv.slice(2);

if (kind === 'ours') {
  const { startRegistryServer } = await import('@charter/registry-server');
  const registry = await startRegistryServer({ dataDir: arg, port: 0, quiet: true });
  process.stdout.write(`READY ${registry.url}\n`);
  process.on('SIGTERM', () => void registry.close().then(() => process.exit(0)));
} else if (kind === 'bare') {
  const bodies = new Map(
    Object.entries(JSON.parse(readFileSync(arg, 'utf8'))).map(([id, text]) => [
      Number(id),
      Buffer.from(text),
    ]),
  );
  const prefix = '/schemas/ids/';
  const type = 'application/vnd.schemaregistry.v1+json';
  const notFound = Buffer.from('{"error_code":40403,"message":"Schema not found"}');
  const server = createServer((req, res) => {
    const body =
      req.method === 'GET' && req.url.startsWith(prefix)
        ? bodies.get(Number(req.url.slice(prefix.length)))
        : undefined;
    const out = body ?? notFound;
    res.writeHead(body ? 200 : 404, { 'Content-Type': type, 'Content-Length': out.length });
    res.end(out);
  });
  server.listen(0, '127.0.0.1', () =>
    process.stdout.write(`READY http://127.0.0.1:${server.address().port}\n`),
  );
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  throw new Error('usage: servers.mjs ours DATA_DIR | bare BODIES.json');
}
