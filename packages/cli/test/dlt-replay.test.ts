import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildDeadLetterMessage,
  type OutgoingMessage,
  replayGroupId,
  ScriptedKafka,
} from '@charter/consumer';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

declare global {
  var __charterDltTestKafka: ScriptedKafka | undefined;
}

const dir = mkdtempSync(join(tmpdir(), 'charter-dlt-'));
// A --kafka-module as a user would write one (e.g. for SASL), here handing out the test's double.
writeFileSync(join(dir, 'kafka.mjs'), 'export default () => globalThis.__charterDltTestKafka;\n');
writeFileSync(join(dir, 'empty.mjs'), 'export const nothing = 1;\n');

let kafka: ScriptedKafka;

function deadLetter(offset: string, reason: 'poison' | 'decode-failure', id: string, group = 'billing') {
  const message = buildDeadLetterMessage(
    {
      topic: 'orders',
      partition: 0,
      group,
      message: {
        key: Buffer.from('k'),
        value: Buffer.from(`value-${id}`),
        offset,
        timestamp: '1700000000000',
        headers: { ce_id: id, ce_source: 'shop' },
      },
    },
    { reason, attempts: 3, error: new Error(`${reason} ${id}`) },
    new Date('2025-01-02T03:04:05Z'),
  );
  kafka.append('orders-dlt', 0, message as OutgoingMessage & { value: Buffer });
}

beforeEach(() => {
  kafka = new ScriptedKafka({ autoPoll: (g) => g.startsWith('charter-dlt-replay.') });
  kafka.createTopic('orders', 2);
  kafka.createTopic('orders-dlt', 1);
  globalThis.__charterDltTestKafka = kafka;
  deadLetter('4', 'poison', 'e1');
  deadLetter('9', 'decode-failure', 'e2');
  deadLetter('1', 'poison', 'x1', 'shipping');
});

const args = ['dlt', 'replay', 'orders-dlt', '--group', 'billing', '--kafka-module', 'kafka.mjs'];

describe('charter dlt replay', () => {
  it('lists what it would replay in a dry run and changes nothing', async () => {
    const r = await runCli([...args, '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      '0@0        replay         poison                 e1  -> orders[0] (replay 1)',
      '0@1        replay         decode-failure         e2  -> orders[0] (replay 1)',
      '0@2        other-group    poison                 x1',
      'Would replay 2 dead letter(s) of group billing from orders-dlt (1 other-group).',
      '',
    ]);
    expect(kafka.records('orders')).toEqual([]);
    expect(kafka.committed(replayGroupId('billing'), 'orders-dlt', 0)).toBeUndefined();
  });

  it('republishes to the original partition with acks -1 and remembers how far it got', async () => {
    const r = await runCli([...args, '--reason', 'poison'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Replayed 1 dead letter(s) of group billing from orders-dlt (1 filtered, 1 other-group).',
    );
    const [republished, ...more] = kafka.records('orders', 0);
    expect(more).toEqual([]);
    expect(republished?.value?.toString()).toBe('value-e1');
    expect(republished?.key?.toString()).toBe('k');
    expect(republished?.headers['ce_id']?.toString()).toBe('e1');
    expect(republished?.headers['charter_dlt-replay-count']?.toString()).toBe('1');
    expect(republished?.headers['kafka_dlt-exception-message']).toBeUndefined();
    expect(kafka.sends).toEqual([{ topic: 'orders', acks: -1, count: 1, ok: true }]);
    // The filtered decode failure holds the replay group at its offset; the next run starts there.
    expect(kafka.committed(replayGroupId('billing'), 'orders-dlt', 0)).toBe('1');
    const next = await runCli([...args, '--json'], dir);
    expect(next.code).toBe(0);
    const report = JSON.parse(next.stdout);
    expect(report.entries.map((e: { eventId: string; action: string }) => [e.eventId, e.action])).toEqual([
      ['e2', 'replay'],
      ['x1', 'other-group'],
    ]);
    expect(report.committed).toEqual([{ partition: 0, offset: '3' }]);
  });

  it('filters by event id and --since', async () => {
    const byId = await runCli([...args, '--dry-run', '--event-id', 'e2', '--json'], dir);
    expect(JSON.parse(byId.stdout).entries.map((e: { action: string }) => e.action)).toEqual([
      'filtered',
      'replay',
      'other-group',
    ]);
    const later = await runCli([...args, '--dry-run', '--since', '2025-06-01T00:00:00Z', '--json'], dir);
    expect(JSON.parse(later.stdout).entries.map((e: { action: string }) => e.action)).toEqual([
      'filtered',
      'filtered',
      'other-group',
    ]);
  });

  it('fails with CON013 and nothing on stdout when a republish fails', async () => {
    kafka.faults.failSends({ topic: 'orders', times: 2, error: 'NOT_ENOUGH_REPLICAS' });
    const r = await runCli(args, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error CON013: republishing orders-dlt 0@0 (event e1) failed');
    expect(kafka.committed(replayGroupId('billing'), 'orders-dlt', 0)).toBeUndefined();
  });

  it('rejects usage errors with exit 2', async () => {
    expect((await runCli(['dlt', 'replay', '--group', 'g', '--kafka-module', 'kafka.mjs'], dir)).code).toBe(
      2,
    );
    expect((await runCli(['dlt', 'replay', 'orders-dlt', '--kafka-module', 'kafka.mjs'], dir)).code).toBe(2);
    const reason = await runCli([...args, '--reason', 'nope'], dir);
    expect(reason.code).toBe(2);
    expect(reason.stderr).toContain('unknown --reason nope');
    expect((await runCli([...args, '--since', 'yesterday'], dir)).code).toBe(2);
    const none = await runCli(['dlt', 'replay', 'orders-dlt', '--group', 'g'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error CON010: no Kafka cluster given');
  });

  it('reports a module without a factory as CON012', async () => {
    const empty = await runCli(
      ['dlt', 'replay', 'orders-dlt', '--group', 'g', '--kafka-module', 'empty.mjs'],
      dir,
    );
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('error CON012: empty.mjs exports no Kafka factory');
  });

  it('reaches brokers through kafkajs and reports an unreachable cluster as CON014', async () => {
    const r = await runCli(['dlt', 'replay', 'orders-dlt', '--group', 'g', '--brokers', '127.0.0.1:9'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error CON014: replaying orders-dlt failed:');
    expect(r.stderr).toContain('ECONNREFUSED 127.0.0.1:9');
  });
});
