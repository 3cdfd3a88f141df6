import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getJson, removeTempProjects, tempProject, tempRegistry } from './registry-helpers.js';
import { runCli } from './run-cli.js';

let server: Awaited<ReturnType<typeof tempRegistry>>;
beforeEach(async () => {
  server = await tempRegistry();
});
afterEach(async () => {
  await server.close();
  removeTempProjects();
});

const ORDER_V1 = `namespace com.acme.orders;
schema OrderPlaced;
record OrderPlaced { string orderId; }
`;
const ORDER_V2 = `namespace com.acme.orders;
schema OrderPlaced;
record OrderPlaced { string orderId; int quantity = 1; }
`;
const ORDER_BREAKING = `namespace com.acme.orders;
schema OrderPlaced;
record OrderPlaced {
  string orderId;
  int quantity;
}
`;
const REFUND = `namespace com.acme.payments;
schema RefundIssued;
record RefundIssued { string refundId; }
`;

function project(url: string, order = ORDER_V1): string {
  return tempProject({
    'charter.yaml': [
      `registry:\n  url: ${url}`,
      'events:',
      '  - schema: com.acme.orders.OrderPlaced',
      '    topic: orders',
      '    compatibility: FULL',
      '',
    ].join('\n'),
    'idl/orders/order-placed.avdl': order,
    'idl/payments/refund-issued.avdl': REFUND,
  });
}

describe('charter register', () => {
  it('registers every event, pins levels, and is idempotent', async () => {
    const url = server.registry.url;
    const root = project(url);
    const first = await runCli(['register'], root);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        'orders-value         v1  id 1  registered, level FULL (was global)',
        'refund-issued-value  v1  id 2  registered, level BACKWARD (was global)',
        '',
      ].join('\n'),
    );
    expect((await getJson(`${url}/config/orders-value`)).json).toEqual({ compatibilityLevel: 'FULL' });
    expect((await getJson(`${url}/subjects/orders-value/versions/1`)).json).toEqual({
      subject: 'orders-value',
      version: 1,
      id: 1,
      schema:
        '{"type":"record","name":"OrderPlaced","namespace":"com.acme.orders","fields":[{"name":"orderId","type":"string"}]}',
    });
    const again = await runCli(['register', '--json'], root);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([
      {
        subject: 'orders-value',
        schema: 'com.acme.orders.OrderPlaced',
        version: 1,
        id: 1,
        status: 'unchanged',
        level: 'FULL',
      },
      {
        subject: 'refund-issued-value',
        schema: 'com.acme.payments.RefundIssued',
        version: 1,
        id: 2,
        status: 'unchanged',
        level: 'BACKWARD',
      },
    ]);
  });

  it('registers a compatible evolution as the next version; --dry-run writes nothing', async () => {
    const url = server.registry.url;
    const root = project(url);
    await runCli(['register'], root);
    writeFileSync(join(root, 'idl/orders/order-placed.avdl'), ORDER_V2);
    const dry = await runCli(['register', '--dry-run'], root);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('orders-value         -   -     would register\n');
    expect((await getJson(`${url}/subjects/orders-value/versions`)).json).toEqual([1]);
    const real = await runCli(['register'], root);
    expect(real.stdout).toContain('orders-value         v2  id 3  registered\n');
    expect((await getJson(`${url}/subjects/orders-value/versions`)).json).toEqual([1, 2]);
  });

  it('refuses an incompatible change before writing anything (REG004 at the declaration)', async () => {
    const url = server.registry.url;
    const root = project(url);
    await runCli(['register'], root);
    writeFileSync(join(root, 'idl/orders/order-placed.avdl'), ORDER_BREAKING);
    // Another event that would be registered: it must not be, since the run fails.
    writeFileSync(
      join(root, 'idl/payments/refund-issued.avdl'),
      REFUND.replace('string refundId;', 'string refundId; string note = "";'),
    );
    const r = await runCli(['register'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'idl/orders/order-placed.avdl:3:8: error REG004: com.acme.orders.OrderPlaced is incompatible with subject orders-value under FULL',
    );
    expect(r.stderr).toContain('READER_FIELD_MISSING_DEFAULT_VALUE');
    expect((await getJson(`${url}/subjects/refund-issued-value/versions`)).json).toEqual([1]);
  });

  it('checks under the level charter.yaml asks for when it differs from the registry', async () => {
    const url = server.registry.url;
    const root = project(url);
    await runCli(['register'], root);
    // The registry's own level is NONE, charter.yaml says FULL: the breaking change is still refused.
    await fetch(`${url}/config/orders-value`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"compatibility":"NONE"}',
    });
    writeFileSync(join(root, 'idl/orders/order-placed.avdl'), ORDER_BREAKING);
    const r = await runCli(['register', '--dry-run'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error REG004');
    expect((await getJson(`${url}/config/orders-value`)).json).toEqual({ compatibilityLevel: 'NONE' });
  });

  it('fails with REG002 when the registry is down, and CLI002 outside a project', async () => {
    const url = server.registry.url;
    const root = project(url);
    await server.close();
    const down = await runCli(['register'], root);
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('');
    expect(down.stderr).toContain('error REG002: cannot register orders-value: cannot reach the registry');
    server = await tempRegistry();
    const outside = await runCli(['register'], tempProject({}));
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('error CLI002');
  });
});
