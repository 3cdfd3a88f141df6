import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigCode,
  durabilityShortfalls,
  durabilityWarnings,
  kebabCase,
  loadContractIndex,
  parseContractIndex,
  resolveEvents,
  subjectName,
} from '@charter/config';
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

  it('reports an event listed twice (CFG006) at its second entry', () => {
    const text = 'events:\n  - schema: a.B\n    topic: one\n  - schema: a.B\n    topic: two\n';
    const { index, diagnostics } = parseContractIndex(text, 'charter.yaml');
    expect(index).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual([
      [ConfigCode.DuplicateEvent, 4, 5],
    ]);
    expect(diagnostics[0]!.message).toBe('event a.B is listed twice');
  });
});

describe('loadContractIndex', () => {
  it('reports a file it cannot read (CFG001)', () => {
    const file = join(tmpdir(), 'charter-no-such-dir', 'charter.yaml');
    const { index, diagnostics } = loadContractIndex(file);
    expect(index).toBeUndefined();
    expect(diagnostics).toEqual([
      { code: ConfigCode.NotFound, severity: 'error', message: `cannot read ${file}`, file },
    ]);
  });

  it('reads a file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-config-'));
    try {
      writeFileSync(join(dir, 'charter.yaml'), VALID);
      const { index, diagnostics } = loadContractIndex(join(dir, 'charter.yaml'));
      expect(diagnostics).toEqual([]);
      expect(index?.idl).toBe(join(dir, 'contracts'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it('rejects two events with the same simple name (CFG009), once per pair', () => {
    const text = 'events:\n  - schema: com.b.OrderPlaced\n    package: "@x/b-order"\n';
    const { index } = parseContractIndex(text, '/repo/charter.yaml');
    const { diagnostics } = resolveEvents(index!, ['com.b.OrderPlaced', 'com.a.OrderPlaced']);
    expect(diagnostics.map((d) => [d.code, d.file, d.range?.start.line, d.message])).toEqual([
      [
        ConfigCode.FolderClash,
        '/repo/charter.yaml',
        2,
        'com.a.OrderPlaced and com.b.OrderPlaced would both be generated into generated/order-placed',
      ],
    ]);
  });

  it('points a clash of an unlisted event at the file declaring it', () => {
    const { index } = parseContractIndex('scope: "@x"\n', '/repo/charter.yaml');
    const files: Record<string, string> = { 'a.Thing': '/repo/idl/a.avdl', 'b.Thing': '/repo/idl/b.avdl' };
    const { diagnostics } = resolveEvents(index!, ['a.Thing', 'b.Thing'], {
      declaredIn: (schema) => files[schema],
    });
    expect(diagnostics.map((d) => [d.code, d.file, d.range?.start.line, d.range?.start.column])).toEqual([
      [ConfigCode.FolderClash, '/repo/idl/b.avdl', 1, 1],
    ]);
  });

  it('rejects two events published as one package (CFG006) at the second entry', () => {
    const text = 'events:\n  - schema: a.One\n    package: "@x/p"\n  - schema: a.Two\n    package: "@x/p"\n';
    const { index } = parseContractIndex(text, '/repo/charter.yaml');
    const { diagnostics } = resolveEvents(index!, ['a.One', 'a.Two']);
    expect(diagnostics.map((d) => [d.code, d.range?.start.line, d.message])).toEqual([
      [ConfigCode.DuplicateEvent, 4, 'a.Two and a.One would both be published as @x/p'],
    ]);
  });

  it('two events on one topic clash on the subject under TopicNameStrategy only', () => {
    const text =
      'events:\n  - schema: a.OrderPlaced\n    topic: orders\n  - schema: a.OrderPaid\n    topic: orders\n';
    const { index } = parseContractIndex(text, '/repo/charter.yaml');
    const clash = resolveEvents(index!, ['a.OrderPlaced', 'a.OrderPaid']);
    expect(clash.diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([
      [ConfigCode.SubjectClash, 2],
    ]);
    expect(clash.diagnostics[0]!.message).toBe(
      'a.OrderPaid and a.OrderPlaced would both be registered under subject orders-value',
    );
    const records = parseContractIndex(
      `defaults:\n  subjectStrategy: TopicRecordNameStrategy\n${text}`,
      '/repo/charter.yaml',
    );
    expect(resolveEvents(records.index!, ['a.OrderPlaced', 'a.OrderPaid']).diagnostics).toEqual([]);
  });
});

describe('durability', () => {
  it('judges declared settings only, against replication factor 3 and min in-sync 2', () => {
    expect(durabilityShortfalls({})).toEqual([]);
    expect(durabilityShortfalls({ replicationFactor: 3, minInsyncReplicas: 2 })).toEqual([]);
    expect(durabilityShortfalls({ replicationFactor: 2, minInsyncReplicas: 1 })).toMatchObject([
      { setting: 'replicationFactor', actual: 2, minimum: 3 },
      { setting: 'minInsyncReplicas', actual: 1, minimum: 2 },
    ]);
  });

  it('warns with CFG008 at each value below the minimum', () => {
    const text = `events:
  - schema: a.B
    topicSettings: { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 }
  - schema: a.C
    topicSettings:
      replicationFactor: 3
      minInsyncReplicas: 1
  - schema: a.D
    topicSettings: { replicationFactor: 3, minInsyncReplicas: 2 }
`;
    const { index } = parseContractIndex(text, '/repo/charter.yaml');
    const warnings = durabilityWarnings(index!);
    expect(
      warnings.map((d) => [d.code, d.severity, d.file, d.range?.start.line, d.range?.start.column]),
    ).toEqual([
      [ConfigCode.DurabilityBelowMinimum, 'warning', '/repo/charter.yaml', 3, 56],
      [ConfigCode.DurabilityBelowMinimum, 'warning', '/repo/charter.yaml', 3, 78],
      [ConfigCode.DurabilityBelowMinimum, 'warning', '/repo/charter.yaml', 7, 26],
    ]);
    expect(warnings[0]!.message).toBe(
      'a.B: topicSettings.replicationFactor is 1 (< 3: one broker loss can lose data)',
    );
  });

  it('falls back to the entry line for an index built by hand', () => {
    const { index } = parseContractIndex('scope: "@x"\n', '/repo/charter.yaml');
    index!.events.push({ schema: 'a.B', line: 9, topicSettings: { minInsyncReplicas: 1 } });
    expect(durabilityWarnings(index!)).toMatchObject([
      { code: ConfigCode.DurabilityBelowMinimum, range: { start: { line: 9, column: 1 } } },
    ]);
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
