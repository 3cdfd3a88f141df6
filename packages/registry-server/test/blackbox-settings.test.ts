import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A1, A3, expectError, type Harness, STR, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const reg = (subject: string, body: string | object) =>
  h.call('POST', `/subjects/${subject}/versions`, typeof body === 'string' ? { schema: body } : body);

describe('F: config', () => {
  it('F01/F02/F03 global level: default, set, case-insensitive', async () => {
    expect((await h.call('GET', '/config')).json).toEqual({ compatibilityLevel: 'BACKWARD' });
    expect((await h.call('PUT', '/config', { compatibility: 'FULL' })).json).toEqual({
      compatibility: 'FULL',
    });
    expect((await h.call('GET', '/config')).json).toEqual({ compatibilityLevel: 'FULL' });
    expect((await h.call('PUT', '/config', { compatibility: 'backward_transitive' })).json).toEqual({
      compatibility: 'BACKWARD_TRANSITIVE',
    });
  });

  it('F04 an invalid level is 42203', async () => {
    expectError(
      await h.call('PUT', '/config', { compatibility: 'nonexistentmode' }),
      422,
      42203,
      'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
    );
    expectError(await h.call('PUT', '/config/S', { compatibility: 7 }), 422, 42203);
  });

  it('F05/F06 no subject-level config is 40408; defaultToGlobal merges', async () => {
    await reg('S', STR);
    const message = "Subject 'S' does not have subject-level compatibility configured";
    expectError(await h.call('GET', '/config/S'), 404, 40408, message);
    expectError(await h.call('GET', '/config/NEVER'), 404, 40408);
    await h.call('PUT', '/config', { compatibility: 'FULL' });
    expect((await h.call('GET', '/config/S?defaultToGlobal=true')).json).toEqual({
      compatibilityLevel: 'FULL',
    });
  });

  it('F07/F08 subject level, also before the subject exists', async () => {
    expect((await h.call('PUT', '/config/S', { compatibility: 'FULL' })).json).toEqual({
      compatibility: 'FULL',
    });
    expect((await h.call('GET', '/config/S')).json).toEqual({ compatibilityLevel: 'FULL' });
    await h.call('PUT', '/config/NEW', { compatibility: 'NONE' });
    expect((await h.call('GET', '/config/NEW')).json).toEqual({ compatibilityLevel: 'NONE' });
    expect((await h.call('GET', '/subjects')).json).toEqual([]);
    expectError(await h.call('GET', '/subjects/NEW/versions'), 404, 40401);
  });

  it('F09/F10/F11 deleting configs answers the old value', async () => {
    await h.call('PUT', '/config/S', { compatibility: 'FULL' });
    expect((await h.call('DELETE', '/config/S')).json).toEqual({ compatibilityLevel: 'FULL' });
    expectError(await h.call('GET', '/config/S'), 404, 40408);
    expectError(await h.call('DELETE', '/config/NOPE'), 404, 40401, "Subject 'NOPE' not found.");
    await h.call('PUT', '/config', { compatibility: 'FULL' });
    expect((await h.call('DELETE', '/config')).json).toEqual({ compatibilityLevel: 'FULL' });
    expect((await h.call('GET', '/config')).json).toEqual({ compatibilityLevel: 'BACKWARD' });
  });

  it('F12 extra config fields round-trip', async () => {
    await h.call('PUT', '/config/S', { compatibility: 'FULL', normalize: true });
    expect((await h.call('GET', '/config/S')).json).toEqual({ compatibilityLevel: 'FULL', normalize: true });
    await h.call('PUT', '/config', { compatibility: 'FULL', normalize: false });
    expect((await h.call('GET', '/config')).json).toEqual({ compatibilityLevel: 'FULL', normalize: false });
    await h.call('PUT', '/config/S', { normalize: null });
    expect((await h.call('GET', '/config/S')).json).toEqual({ compatibilityLevel: 'FULL' });
  });

  it('F13 a permanent subject delete removes its config', async () => {
    await h.call('PUT', '/config/S', { compatibility: 'FULL' });
    await reg('S', STR);
    await h.call('DELETE', '/subjects/S');
    await h.call('DELETE', '/subjects/S?permanent=true');
    expectError(await h.call('GET', '/config/S'), 404, 40408);
  });
});

describe('G: modes', () => {
  it('G01/G02 default mode; no subject mode is 40409', async () => {
    expect((await h.call('GET', '/mode')).json).toEqual({ mode: 'READWRITE' });
    await reg('S', STR);
    expectError(
      await h.call('GET', '/mode/S'),
      404,
      40409,
      "Subject 'S' does not have subject-level mode configured",
    );
    expect((await h.call('GET', '/mode/S?defaultToGlobal=true')).json).toEqual({ mode: 'READWRITE' });
  });

  it('G03/G04 invalid modes are 42204', async () => {
    expectError(
      await h.call('PUT', '/mode', { mode: 'BOGUS' }),
      422,
      42204,
      'Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.',
    );
    expectError(await h.call('PUT', '/mode/S', { mode: 'FORWARD' }), 422, 42204);
  });

  it('G05/G06 READONLY blocks writes but answers known registrations', async () => {
    await reg('S', STR);
    expect((await h.call('PUT', '/mode', { mode: 'READONLY' })).json).toEqual({ mode: 'READONLY' });
    const blocked = await reg('T', A1);
    expectError(blocked, 422, 42205);
    expect(blocked.json.message).toContain('is in read-only mode');
    expectError(await h.call('DELETE', '/subjects/S'), 422, 42205);
    expectError(await h.call('PUT', '/config', { compatibility: 'NONE' }), 422, 42205);
    expect((await h.call('GET', '/subjects')).status).toBe(200);
    expect((await reg('S', STR)).json).toEqual({ id: 1 });
  });

  it('G07/G08 subject mode overrides global', async () => {
    await h.call('PUT', '/mode', { mode: 'READONLY' });
    await h.call('PUT', '/mode/S', { mode: 'READWRITE' });
    expect((await reg('S', A1)).status).toBe(200);
    expect((await h.call('DELETE', '/mode/S')).json).toEqual({ mode: 'READWRITE' });
    expect((await h.call('GET', '/mode/S?defaultToGlobal=true')).json).toEqual({ mode: 'READONLY' });
    expectError(await h.call('DELETE', '/mode/NOPE'), 404, 40401);
  });

  it('G09 IMPORT requires an empty registry unless forced', async () => {
    await reg('S', STR);
    const a = await h.call('PUT', '/mode', { mode: 'IMPORT' });
    expectError(a, 422, 42205, 'Cannot import since found existing subjects');
    expect((await h.call('PUT', '/mode?force=true', { mode: 'IMPORT' })).json).toEqual({ mode: 'IMPORT' });
  });

  it('G10-G13 IMPORT keeps given ids, skips checks, and ids continue after it', async () => {
    await h.call('PUT', '/mode', { mode: 'IMPORT' });
    const noId = await reg('S', A1);
    expectError(noId, 422, 42205);
    expect(noId.json.message).toContain('is not in read-write mode');
    expect((await reg('S', { schema: A1, id: 100, version: 1 })).json).toEqual({ id: 100 });
    expect((await h.call('GET', '/schemas/ids/100')).status).toBe(200);
    expect((await h.call('GET', '/subjects/S/versions/1')).json.id).toBe(100);
    expectError(
      await reg('T', { schema: STR, id: 100, version: 1 }),
      422,
      42205,
      'Overwrite new schema with id 100 in context . is not permitted.',
    );
    expect((await reg('S', { schema: A3, id: 105, version: 7 })).json).toEqual({ id: 105 });
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1, 7]);
    await h.call('PUT', '/mode', { mode: 'READWRITE' });
    expect((await reg('U', STR)).json).toEqual({ id: 106 });
  });

  it('G14 clearing the global mode', async () => {
    await h.call('PUT', '/mode', { mode: 'READONLY' });
    expect((await h.call('PUT', '/mode', { mode: null })).json).toEqual({});
    expect((await h.call('GET', '/mode')).json).toEqual({ mode: 'READWRITE' });
  });
});
