import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A1, A2, A3, A4, expectError, type Harness, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const reg = (subject: string, schema: string) => h.call('POST', `/subjects/${subject}/versions`, { schema });
const check = (subject: string, version: string, schema: string, query = '') =>
  h.call('POST', `/compatibility/subjects/${subject}/versions${version}${query}`, { schema });
const record = (fields: string) => `{"type":"record","name":"R","fields":[${fields}]}`;

describe('E: compatibility endpoints and enforcement', () => {
  it('E01 compatible check registers nothing', async () => {
    await reg('S', A1);
    expect((await check('S', '/latest', A2)).text).toBe('{"is_compatible":true}');
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1]);
  });

  it('E02/E03 incompatible, with and without reasons', async () => {
    await reg('S', A1);
    expect((await check('S', '/latest', A3)).text).toBe('{"is_compatible":false}');
    const verbose = await check('S', '/latest', A3, '?verbose=true');
    expect(verbose.json.is_compatible).toBe(false);
    expect(verbose.json.messages).toEqual([
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f3' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'f3'}",
      '{oldSchemaVersion: 1}',
      `{oldSchema: '${A1}'}`,
      "{validateFields: 'false', compatibility: 'BACKWARD'}",
    ]);
    expect((await check('S', '/latest', A2, '?verbose=true')).json).toEqual({
      is_compatible: true,
      messages: [],
    });
  });

  it('E04/E05/E06/E07 unknown subjects and versions', async () => {
    expect((await check('NOPE', '/latest', A1)).json).toEqual({ is_compatible: true });
    expect((await check('NOPE', '', A1)).json).toEqual({ is_compatible: true });
    expectError(await check('NOPE', '/1', A1), 404, 40402);
    await reg('S', A1);
    expectError(await check('S', '/100', A1), 404, 40402);
    expectError(await check('S', '/earliest', A1), 422, 42202);
  });

  it('E08 an invalid candidate is 42201, or a reason with verbose', async () => {
    await reg('S', A1);
    expectError(await check('S', '/latest', '{"type":"bogus"}'), 422, 42201);
    const verbose = await check('S', '/latest', '{"type":"bogus"}', '?verbose=true');
    expect(verbose.status).toBe(200);
    expect(verbose.json.is_compatible).toBe(false);
    expect(verbose.json.messages).toHaveLength(1);
  });

  it('E09/E14 soft-deleted versions are not compared; deleting one unblocks registration', async () => {
    await reg('S', A1);
    await reg('S', A4);
    expect((await check('S', '/latest', A2)).json).toEqual({ is_compatible: false });
    expectError(await reg('S', A2), 409, 409);
    await h.call('DELETE', '/subjects/S/versions/2');
    expect((await check('S', '/latest', A2)).json).toEqual({ is_compatible: true });
    expectError(await check('S', '/2', A2), 404, 40402);
    expect((await reg('S', A2)).json).toEqual({ id: 3 });
    expect((await h.call('GET', '/subjects/S/versions/latest')).json.version).toBe(3);
  });

  it('E10/E11 a version endpoint compares one version; the subject endpoint every one', async () => {
    await h.call('PUT', '/config/S', { compatibility: 'NONE' });
    await reg('S', record('{"name":"f1","type":"string"},{"name":"f2","type":"string"}'));
    await reg('S', record('{"name":"f1","type":"string"}'));
    await h.call('PUT', '/config/S', { compatibility: 'FORWARD_TRANSITIVE' });
    const candidate = record('{"name":"f1","type":"string"},{"name":"f3","type":"string"}');
    expect((await check('S', '/latest', candidate)).json).toEqual({ is_compatible: true });
    expect((await check('S', '', candidate)).json).toEqual({ is_compatible: false });
    expect((await check('S', '/', candidate)).json).toEqual({ is_compatible: false });
    expectError(await reg('S', candidate), 409, 409);
  });

  it('E12 register enforces compatibility with details', async () => {
    await reg('S', A1);
    const a = await reg('S', A3);
    expectError(a, 409, 409);
    expect(a.json.message).toMatch(
      /^Schema being registered is incompatible with an earlier schema for subject "S", details: \[\{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'/,
    );
  });

  it('E12 with the CP 8.2+ error code when asked', async () => {
    const cp8 = await startHarness({ incompatibleErrorCode: 40901, quiet: true });
    try {
      await cp8.call('POST', '/subjects/S/versions', { schema: A1 });
      expectError(await cp8.call('POST', '/subjects/S/versions', { schema: A3 }), 409, 40901);
    } finally {
      await cp8.close();
    }
  });

  it('E13 non-transitive BACKWARD looks at the latest only', async () => {
    const v1 = record('{"name":"f","type":"string"}');
    const v2 = record('');
    const v3 = record('{"name":"f","type":"int","default":0}');
    for (const s of [v1, v2, v3]) expect((await reg('S', s)).status).toBe(200);
    await h.call('PUT', '/config/T', { compatibility: 'BACKWARD_TRANSITIVE' });
    expect((await reg('T', v1)).status).toBe(200);
    expect((await reg('T', v2)).status).toBe(200);
    const third = await reg('T', v3);
    expectError(third, 409, 409);
    expect(third.json.message).toContain('{oldSchemaVersion: 1}');
  });

  it('E15/E16 NONE disables checks; the subject level overrides the global one', async () => {
    await h.call('PUT', '/config', { compatibility: 'NONE' });
    await h.call('PUT', '/config/S', { compatibility: 'BACKWARD' });
    await reg('S', A1);
    expectError(await reg('S', A3), 409, 409);
    await reg('T', A1);
    expect((await reg('T', A3)).status).toBe(200);
  });

  it('FULL checks both directions', async () => {
    await h.call('PUT', '/config/S', { compatibility: 'FULL' });
    await reg('S', A1);
    expectError(await reg('S', A3), 409, 409);
    expect((await reg('S', A2)).status).toBe(200);
  });

  it('force=true skips the check', async () => {
    await reg('S', A1);
    expect((await h.call('POST', '/subjects/S/versions?force=true', { schema: A3 })).json).toEqual({ id: 2 });
  });
});
