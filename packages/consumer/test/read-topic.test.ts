import { DiagnosticError } from '@charter/diagnostics';
import { describe, expect, it } from 'vitest';
import { readTopicToEnd, ScriptedKafka } from '../src/index.js';

describe('reading a topic to its end', () => {
  it('reads every partition from the committed offsets up to the end seen at the start', async () => {
    const kafka = new ScriptedKafka({ autoPoll: true });
    kafka.createTopic('t', 2);
    for (let i = 0; i < 4; i++) kafka.append('t', i % 2, { value: `v${i}` });
    kafka.setCommitted('reader', 't', 0, '1');
    const result = await readTopicToEnd(kafka, 't', 'reader');
    expect(result.records.map((r) => [r.partition, r.message.value?.toString()])).toEqual([
      [0, 'v2'],
      [1, 'v1'],
      [1, 'v3'],
    ]);
    expect([...result.ends]).toEqual([
      [0, 2n],
      [1, 2n],
    ]);
    // Nothing is committed by reading.
    expect(kafka.committed('reader', 't', 1)).toBeUndefined();
    const again = await readTopicToEnd(kafka, 't', 'reader', { fromBeginning: true });
    expect(again.records).toHaveLength(4);
  });

  it('gives up with CON011 when the end is not reached in time', async () => {
    const kafka = new ScriptedKafka();
    kafka.createTopic('t', 1);
    kafka.append('t', 0, { value: 'x' });
    const error = await readTopicToEnd(kafka, 't', 'reader', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticError);
    expect((error as DiagnosticError).diagnostics[0]).toMatchObject({ code: 'CON011', severity: 'error' });
    expect((error as DiagnosticError).diagnostics[0]?.message).toContain('partitions 0 unfinished');
  });
});
