import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient } from '@charter/registry-client';
import { type RunningRegistry, startRegistryServer } from '@charter/registry-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitFixture } from './check-git-fixture.js';
import { runCli } from './run-cli.js';

const CHARTER_YAML = `scope: "@acme-events"
events:
  - schema: shop.OrderPlaced
    topic: orders
    compatibility: BACKWARD_TRANSITIVE
`;
const v1 = {
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'shop',
  fields: [{ name: 'orderId', type: 'string' }],
};
const idl = (body: string) =>
  `namespace shop;\nschema OrderPlaced;\nrecord OrderPlaced {\n  string orderId;\n${body}}\n`;

const repo = new GitFixture();
let registry: RunningRegistry;

beforeAll(async () => {
  registry = await startRegistryServer({
    dataDir: mkdtempSync(join(tmpdir(), 'charter-registry-')),
    port: 0,
    quiet: true,
  });
  const client = new RegistryClient({ url: registry.url });
  await client.setConfig('orders-value', 'BACKWARD_TRANSITIVE');
  await client.register('orders-value', JSON.stringify(v1));
  repo.write('charter.yaml', CHARTER_YAML);
  repo.write('idl/order-placed.avdl', idl(''));
  repo.release('order-placed', '@acme-events/order-placed', '1.0.0', v1);
  repo.commit('release 1.0.0');
});

afterAll(async () => {
  await registry?.close();
});

describe('charter check --registry', () => {
  it('reports the registry verdict with its verbose messages', async () => {
    repo.write('idl/order-placed.avdl', idl('  string note;\n'));
    const r = await runCli(['check', '--registry', registry.url, '--format', 'json'], repo.root);
    expect(r.code).toBe(1);
    const event = JSON.parse(r.stdout).events[0];
    expect(event.status).toBe('incompatible');
    expect(event.registry).toMatchObject({ compatible: false, level: 'BACKWARD_TRANSITIVE' });
    expect(event.registry.messages[0]).toContain("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'");
    // The offline check predicts the registry's answer message for message; only the registry knows
    // its version numbers.
    expect(event.registry.messages.filter((m: string) => !m.startsWith('{oldSchemaVersion:'))).toEqual(
      event.messages,
    );
    expect(event.registry.messages).toContain('{oldSchemaVersion: 1}');
  });

  it('annotates a schema the registry rejects as CMP025 at the event file (GitHub format)', async () => {
    repo.write('idl/order-placed.avdl', idl('  string note;\n'));
    const r = await runCli(['check', '--registry', registry.url, '--format', 'github'], repo.root);
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('CMP025'));
    expect(line).toMatch(
      /^::error file=idl\/order-placed\.avdl,title=CMP025 shop\.OrderPlaced::the registry rejects shop\.OrderPlaced under orders-value: \{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'/,
    );
  });

  it('agrees when the change is compatible, and warns when the registry uses another level', async () => {
    await new RegistryClient({ url: registry.url }).setConfig('orders-value', 'FORWARD');
    repo.write('idl/order-placed.avdl', idl('  string? note = null;\n'));
    repo.write('.changeset/note.md', '---\n"@acme-events/order-placed": minor\n---\n');
    const r = await runCli(['check', '--registry', registry.url], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('registry: compatible under FORWARD');
    expect(r.stdout).toContain(
      'warning CMP026: shop.OrderPlaced: charter.yaml declares BACKWARD_TRANSITIVE but the registry applies FORWARD to orders-value',
    );
  });

  it('treats a subject the registry does not know as new', async () => {
    repo.write(
      'idl/refund.avdl',
      'namespace shop;\nschema RefundIssued;\nrecord RefundIssued { string id; }\n',
    );
    const r = await runCli(['check', '--registry', registry.url, '--format', 'json'], repo.root);
    const refund = JSON.parse(r.stdout).events.find(
      (e: { schema: string }) => e.schema === 'shop.RefundIssued',
    );
    expect(refund.registry).toMatchObject({ compatible: true, messages: [] });
    repo.remove('idl/refund.avdl');
  });

  it('exits 2 when the registry cannot be reached', async () => {
    const r = await runCli(['check', '--registry', 'http://127.0.0.1:9'], repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error CMP026: registry http://127.0.0.1:9');
  });
});
