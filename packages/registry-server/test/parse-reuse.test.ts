import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordSchema } from '@charter/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAvro } from '../src/avro.js';
import { testCompatibility } from '../src/compatibility.js';
import { RegistryCore } from '../src/core.js';
import type { SchemaRequest } from '../src/request-body.js';
import { LogFile } from '../src/store/log-file.js';
import type { SchemaReference } from '../src/store/ops.js';
import { RegistryState } from '../src/store/state.js';
import { expectError, startHarness, tempDir } from './harness.js';

const ADDR = '{"type":"record","name":"Addr","namespace":"t","fields":[{"name":"street","type":"string"}]}';
const OTHER_ADDR = '{"type":"record","name":"Addr","namespace":"t","fields":[{"name":"zip","type":"int"}]}';
const PERSON = '{"type":"record","name":"Person","namespace":"t","fields":[{"name":"home","type":"Addr"}]}';
const ADDR_REF: SchemaReference = { name: 't.Addr', subject: 'addr', version: 1 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A core over a fresh log whose state is given as register ops (applied without parsing anything). */
async function coreWith(versions: { subject: string; schema: string; references?: SchemaReference[] }[]) {
  const dir = tempDir();
  const { log } = await LogFile.open(join(dir, 'schemas.log'));
  closers.push(async () => {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const state = new RegistryState();
  versions.forEach((v, i) => {
    const version = (state.subjects.get(v.subject)?.maxVersion() ?? 0) + 1;
    state.apply({
      op: 'register',
      subject: v.subject,
      version,
      id: i + 1,
      schemaType: 'AVRO',
      schema: v.schema,
      ...(v.references ? { references: v.references } : {}),
    });
  });
  return new RegistryCore(state, log);
}

function request(schema: string, references: SchemaReference[] = []): SchemaRequest {
  return {
    schema,
    schemaType: 'AVRO',
    references,
    metadata: undefined,
    ruleSet: undefined,
    id: undefined,
    version: undefined,
  };
}

function record(n: number): string {
  const fields = Array.from({ length: n }, (_, i) => ({ name: `f${i}`, type: 'long', default: 0 }));
  return JSON.stringify({ type: 'record', name: 'R', namespace: 't', fields });
}

describe('referenced schemas are resolved from their cached parses', () => {
  it('a schema with references gets the very types of the cached parse, request after request', async () => {
    const core = await coreWith([{ subject: 'addr', schema: ADDR }]);
    const addr = core.parsed(core.state.ids.get(1)!);
    for (let i = 0; i < 2; i++) {
      const person = parseAvro(PERSON, core.referencedTypes([ADDR_REF]), { strict: true })
        .schema as RecordSchema;
      expect(person.fields[0]!.type).toBe(addr);
    }
    // The stored form names the referenced type and never repeats it.
    expect(parseAvro(PERSON, core.referencedTypes([ADDR_REF]), { strict: true }).canonical).toBe(PERSON);
  });

  it('references that define one name twice still fail as parsing them together does', async () => {
    const h = await startHarness();
    closers.push(() => h.close());
    await h.call('POST', '/subjects/addr/versions', { schema: ADDR });
    await h.call('POST', '/subjects/other/versions', { schema: OTHER_ADDR });
    const refused = await h.call('POST', '/subjects/person/versions', {
      schema: PERSON,
      references: [ADDR_REF, { name: 't.Addr', subject: 'other', version: 1 }],
    });
    expectError(refused, 422, 42201);
    expect(refused.json.message).toContain('referenced schema 2 does not parse: redefined name: t.Addr');
  });
});

describe('compatibility checks parse only the versions the level compares', () => {
  const history = [1, 2, 3].map((n) => ({ subject: 's', schema: record(n) }));

  it('BACKWARD parses the latest version alone', async () => {
    const core = await coreWith(history);
    const answer = testCompatibility(core, 's', undefined, request(record(4)), {
      verbose: false,
      normalize: false,
    });
    expect(answer).toEqual({ is_compatible: true });
    expect([1, 2, 3].map((id) => core.state.ids.get(id)!.parsed !== undefined)).toEqual([false, false, true]);
  });

  it('BACKWARD_TRANSITIVE parses every version', async () => {
    const core = await coreWith(history);
    core.state.apply({ op: 'config', subject: 's', config: { compatibilityLevel: 'BACKWARD_TRANSITIVE' } });
    expect(
      testCompatibility(core, 's', undefined, request(record(4)), { verbose: false, normalize: false }),
    ).toEqual({
      is_compatible: true,
    });
    expect([1, 2, 3].map((id) => core.state.ids.get(id)!.parsed !== undefined)).toEqual([true, true, true]);
  });
});
