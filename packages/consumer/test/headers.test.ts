import { uuidV7 } from '@charter/serde';
import { describe, expect, it } from 'vitest';
import {
  buildDeadLetterMessage,
  classifyDecodeError,
  DecodeFailure,
  headerInteger,
  int32Header,
  int64Header,
  lastHeader,
  readEventIdentity,
  reliableProducer,
  reliableProducerConfig,
  ScriptedKafka,
} from '../src/index.js';

describe('headers', () => {
  it('reads the last value of a repeated header, as Java lastHeader', () => {
    expect(lastHeader({ a: ['1', Buffer.from('2')] }, 'a')?.toString()).toBe('2');
    expect(lastHeader({ a: 'x' }, 'b')).toBeUndefined();
  });

  it("reads Spring's binary ints and decimal text", () => {
    expect(headerInteger({ p: int32Header(7) }, 'p')).toBe(7n);
    expect(headerInteger({ o: int64Header(2n ** 40n) }, 'o')).toBe(2n ** 40n);
    expect(headerInteger({ o: '12345' }, 'o')).toBe(12345n);
    expect(headerInteger({ o: 'abc' }, 'o')).toBeUndefined();
  });

  it('keeps the first origin and replaces failure headers when a replayed record is dead-lettered again', () => {
    const first = buildDeadLetterMessage(
      {
        topic: 't',
        partition: 2,
        group: 'g',
        message: {
          key: null,
          value: Buffer.from('v'),
          offset: '9',
          timestamp: '1000',
          headers: { ce_id: 'e' },
        },
      },
      { reason: 'poison', attempts: 3, error: new Error('first') },
      new Date(0),
    );
    const again = buildDeadLetterMessage(
      {
        topic: 't',
        partition: 0,
        group: 'g',
        message: {
          key: null,
          value: Buffer.from('v'),
          offset: '50',
          timestamp: '2000',
          headers: { ...first.headers, 'charter_dlt-replay-count': '1' },
        },
      },
      { reason: 'poison', attempts: 1, error: new Error('second') },
      new Date(0),
    );
    expect(headerInteger(again.headers, 'kafka_dlt-original-offset')).toBe(9n);
    expect(headerInteger(again.headers, 'kafka_dlt-original-partition')).toBe(2n);
    expect(lastHeader(again.headers, 'kafka_dlt-exception-message')?.toString()).toBe('second');
    expect(lastHeader(again.headers, 'charter_dlt-replay-count')?.toString()).toBe('1');
    expect(lastHeader(again.headers, 'ce_id')?.toString()).toBe('e');
  });

  it('cuts the stack trace header to 8 KiB', () => {
    const error = new Error('big');
    error.stack = 'x'.repeat(20_000);
    const m = buildDeadLetterMessage(
      {
        topic: 't',
        partition: 0,
        group: 'g',
        message: { key: null, value: null, offset: '0', timestamp: '0' },
      },
      { reason: 'poison', attempts: 1, error },
      new Date(0),
    );
    expect(lastHeader(m.headers, 'kafka_dlt-exception-stacktrace')?.length).toBe(8192);
  });
});

describe('event identity', () => {
  it('reads ce_id and ce_source, with a fallback header', () => {
    const m = (headers: Record<string, string>) => ({
      key: null,
      value: null,
      offset: '0',
      timestamp: '0',
      headers,
    });
    expect(readEventIdentity(m({ ce_id: 'a', ce_source: 's' }))).toEqual({ source: 's', id: 'a' });
    expect(readEventIdentity(m({ ce_id: 'a' }))).toEqual({ source: '', id: 'a' });
    expect(readEventIdentity(m({ id: 'b' }), { fallbackIdHeader: 'id' })).toEqual({ source: '', id: 'b' });
    expect(readEventIdentity(m({ id: 'b' }))).toBeUndefined();
  });

  it('makes time-ordered UUIDv7 ids', () => {
    const a = uuidV7(1_700_000_000_000);
    const b = uuidV7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(Number.parseInt(a.replace(/-/g, '').slice(0, 12), 16)).toBe(1_700_000_000_000);
  });
});

describe('decode failures', () => {
  it('classifies registry misses as unknown-schema and keeps the schema id', () => {
    expect(classifyDecodeError(new DecodeFailure('x', { reason: 'unknown-schema', schemaId: 3 }))).toEqual({
      reason: 'unknown-schema',
      schemaId: 3,
      keyError: false,
    });
    expect(classifyDecodeError(Object.assign(new Error('404'), { status: 404, schemaId: 9 }))).toEqual({
      reason: 'unknown-schema',
      schemaId: 9,
    });
    expect(classifyDecodeError(new SyntaxError('bad'))).toEqual({ reason: 'decode-failure' });
  });
});

describe('producer durability', () => {
  it('sends with acks -1 and stamps ce_id/ce_source only where missing', async () => {
    const kafka = new ScriptedKafka();
    kafka.createTopic('t');
    const p = reliableProducer(kafka.producer(), { source: 'svc', newId: () => 'new-id' });
    await p.send('t', [{ value: 'a' }, { value: 'b', headers: { ce_id: 'mine' } }]);
    expect(kafka.sends).toEqual([{ topic: 't', acks: -1, count: 2, ok: true }]);
    const [a, b] = kafka.records('t');
    expect(a?.headers['ce_id']?.toString()).toBe('new-id');
    expect(a?.headers['ce_source']?.toString()).toBe('svc');
    expect(b?.headers['ce_id']?.toString()).toBe('mine');
    expect(reliableProducerConfig()).toEqual({ idempotent: true, maxInFlightRequests: 1 });
  });
});
