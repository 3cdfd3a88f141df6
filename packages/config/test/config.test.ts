import { ConfigCode, kebabCase, parseContractIndex, resolveEvents, subjectName } from '@charter/config';
import { describe, expect, it } from 'vitest';

const VALID = `idl: contracts
scope: "@acme-events"
registry:
  url: http://127.0.0.1:8081
defaults:
  compatibility: FULL
events:
  - schema: com.acme.orders.OrderPlaced
    topic: orders
    compatibility: FULL_TRANSITIVE
    topicSettings: { partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 }
  - schema: com.acme.payments.PaymentCaptured
    subjectStrategy: RecordNameStrategy
`;

describe('parseContractIndex', () => {
  it('reads a valid index and resolves paths against its directory', () => {
    const { index, diagnostics } = parseContractIndex(VALID, '/repo/charter.yaml');
    expect(diagnostics).toEqual([]);
    expect(index).toMatchObject({
      idl: '/repo/contracts',
      output: '/repo/generated',
      scope: '@acme-events',
      defaults: { compatibility: 'FULL' },
    });
    expect(index!.events[0]).toMatchObject({
      schema: 'com.acme.orders.OrderPlaced',
      line: 8,
      topicSettings: { partitions: 6 },
    });
  });

  it('reports unknown keys, bad values and wrong types with line and column', () => {
    const text = 'scop: x\nevents:\n  - schema: a.B\n    compatibility: SIDEWAYS\n  - topic: 3\n';
    const { index, diagnostics } = parseContractIndex(text, 'charter.yaml');
    expect(index).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual([
      [ConfigCode.UnknownKey, 1, 1],
      [ConfigCode.InvalidValue, 4, 20],
      [ConfigCode.WrongType, 5, 5],
    ]);
    expect(diagnostics[1]!.hint).toContain('BACKWARD_TRANSITIVE');
  });

  it('reports YAML syntax errors with their position', () => {
    const { diagnostics } = parseContractIndex('events:\n  - schema: [\n', 'c.yaml');
    expect(diagnostics[0]).toMatchObject({ code: ConfigCode.InvalidYaml, file: 'c.yaml' });
  });
});

describe('resolveEvents', () => {
  it('defaults unlisted events and derives subjects from the strategy', () => {
    const { index } = parseContractIndex(VALID, '/repo/charter.yaml');
    const { events, diagnostics } = resolveEvents(index!, [
      'com.acme.orders.OrderPlaced',
      'com.acme.payments.PaymentCaptured',
      'com.acme.shipping.ParcelShipped',
    ]);
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => [e.schema, e.topic, e.subject, e.compatibility, e.package])).toEqual([
      [
        'com.acme.orders.OrderPlaced',
        'orders',
        'orders-value',
        'FULL_TRANSITIVE',
        '@acme-events/order-placed',
      ],
      [
        'com.acme.payments.PaymentCaptured',
        'payment-captured',
        'com.acme.payments.PaymentCaptured',
        'FULL',
        '@acme-events/payment-captured',
      ],
      [
        'com.acme.shipping.ParcelShipped',
        'parcel-shipped',
        'parcel-shipped-value',
        'FULL',
        '@acme-events/parcel-shipped',
      ],
    ]);
  });

  it('rejects an entry for an event no IDL declares', () => {
    const { index } = parseContractIndex(VALID, '/repo/charter.yaml');
    const { diagnostics } = resolveEvents(index!, ['com.acme.orders.OrderPlaced']);
    expect(diagnostics).toMatchObject([{ code: ConfigCode.UnknownEvent, range: { start: { line: 12 } } }]);
  });
});

describe('naming', () => {
  it.each([
    ['OrderPlaced', 'order-placed'],
    ['HTTPRequestSent', 'http-request-sent'],
    ['Order2Placed', 'order2-placed'],
  ])('%s → %s', (a, b) => expect(kebabCase(a)).toBe(b));

  it('follows Confluent subject name strategies', () => {
    expect(subjectName('TopicNameStrategy', 'orders', 'a.B', 'key')).toBe('orders-key');
    expect(subjectName('TopicRecordNameStrategy', 'orders', 'a.B', 'value')).toBe('orders-a.B');
  });
});
