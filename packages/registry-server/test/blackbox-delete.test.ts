import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A1, A2, expectError, type Harness, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const reg = (subject: string, schema: string) => h.call('POST', `/subjects/${subject}/versions`, { schema });
const json = async (method: string, path: string) => (await h.call(method, path)).json;

async function b06() {
  await reg('S', A1);
  await reg('S', A2);
}

describe('H: deletion', () => {
  it('H01/H02 soft-deleting a version', async () => {
    await b06();
    expect(await json('DELETE', '/subjects/S/versions/2')).toBe(2);
    expect(await json('GET', '/subjects/S/versions')).toEqual([1]);
    expectError(await h.call('GET', '/subjects/S/versions/2'), 404, 40402);
    expect(await json('GET', '/subjects/S/versions/2?deleted=true')).toMatchObject({ version: 2, id: 2 });
    expect(await json('GET', '/subjects/S/versions?deleted=true')).toEqual([1, 2]);
    expect(await json('GET', '/subjects/S/versions?deletedOnly=true')).toEqual([2]);
    expectError(
      await h.call('DELETE', '/subjects/S/versions/2'),
      404,
      40406,
      "Subject 'S' Version 2 was soft deleted.Set permanent=true to delete permanently",
    );
  });

  it('H03/H04 hard delete requires a soft delete first', async () => {
    await b06();
    expectError(
      await h.call('DELETE', '/subjects/S/versions/1?permanent=true'),
      404,
      40407,
      "Subject 'S' Version 1 was not deleted first before being permanently deleted",
    );
    await h.call('DELETE', '/subjects/S/versions/2');
    expect(await json('DELETE', '/subjects/S/versions/2?permanent=true')).toBe(2);
    expectError(
      await h.call('DELETE', '/subjects/S/versions/2?permanent=true'),
      404,
      40402,
      'Version 2 not found.',
    );
    expectError(await h.call('GET', '/subjects/S/versions/2?deleted=true'), 404, 40402);
  });

  it('H05/H06 deleting latest, and an older version', async () => {
    await b06();
    expect(await json('DELETE', '/subjects/S/versions/latest')).toBe(2);
    expect((await json('GET', '/subjects/S/versions/latest')).version).toBe(1);
    expect(await json('DELETE', '/subjects/S/versions/latest')).toBe(1);
    expectError(await h.call('GET', '/subjects/S/versions/latest'), 404, 40401);
    await reg('T', A1);
    await reg('T', A2);
    await h.call('DELETE', '/subjects/T/versions/1');
    expect((await json('GET', '/subjects/T/versions/latest')).version).toBe(2);
  });

  it('H07 deleting in a missing subject is 40401', async () => {
    for (const path of ['/subjects/NOPE', '/subjects/NOPE/versions/1']) {
      expectError(await h.call('DELETE', path), 404, 40401, "Subject 'NOPE' not found.");
      expectError(await h.call('DELETE', `${path}?permanent=true`), 404, 40401);
    }
  });

  it('H08/H09/H10/H11 soft then permanent subject delete', async () => {
    await b06();
    expectError(
      await h.call('DELETE', '/subjects/S?permanent=true'),
      404,
      40405,
      "Subject 'S' was not deleted first before being permanently deleted",
    );
    expect(await json('DELETE', '/subjects/S')).toEqual([1, 2]);
    expect(await json('GET', '/subjects')).toEqual([]);
    expect(await json('GET', '/subjects?deleted=true')).toEqual(['S']);
    expect(await json('GET', '/subjects?deletedOnly=true')).toEqual(['S']);
    expectError(await h.call('GET', '/subjects/S/versions'), 404, 40401);
    expect(await json('GET', '/subjects/S/versions?deleted=true')).toEqual([1, 2]);
    expectError(
      await h.call('DELETE', '/subjects/S'),
      404,
      40404,
      "Subject 'S' was soft deleted.Set permanent=true to delete permanently",
    );
    expect(await json('DELETE', '/subjects/S?permanent=true')).toEqual([1, 2]);
    expectError(await h.call('POST', '/subjects/S?deleted=true', { schema: A1 }), 404, 40401);
    expect(await json('GET', '/subjects?deleted=true')).toEqual([]);
  });

  it('H12 soft delete answers live versions, permanent every version', async () => {
    await b06();
    await h.call('DELETE', '/subjects/S/versions/1');
    expect(await json('DELETE', '/subjects/S')).toEqual([2]);
    expect(await json('DELETE', '/subjects/S?permanent=true')).toEqual([1, 2]);
  });

  it('H13 versions keep counting after a soft delete', async () => {
    await b06();
    await h.call('DELETE', '/subjects/S');
    expect((await reg('S', A1)).json).toEqual({ id: 1 });
    expect((await reg('S', A2)).json).toEqual({ id: 2 });
    expect(await json('GET', '/subjects/S/versions')).toEqual([3, 4]);
    expectError(await h.call('GET', '/subjects/S/versions/1'), 404, 40402);
  });

  it('H14 re-registering a soft-deleted schema drops its older copy for good', async () => {
    await h.call('PUT', '/config/S', { compatibility: 'NONE' });
    await b06();
    await h.call('DELETE', '/subjects/S/versions/2');
    await h.call('DELETE', '/subjects/S/versions/1');
    expect((await reg('S', A1)).json).toEqual({ id: 1 });
    expect(await json('GET', '/subjects/S/versions')).toEqual([3]);
    expect(await json('GET', '/subjects/S/versions?deleted=true')).toEqual([2, 3]);
  });

  it('H15/H16 versions restart and the id disappears after a hard delete; ids are not reused', async () => {
    await reg('S', A1);
    await h.call('DELETE', '/subjects/S');
    await h.call('DELETE', '/subjects/S?permanent=true');
    expectError(await h.call('GET', '/schemas/ids/1'), 404, 40403);
    const again = await reg('S', A1);
    expect(again.json.id).toBe(2);
    expect(await json('GET', '/subjects/S/versions')).toEqual([1]);
    expect(await json('GET', '/subjects')).toEqual(['S']);
  });
});

describe('I: references', () => {
  const ADDR = '{"type":"record","name":"Addr","namespace":"t","fields":[{"name":"street","type":"string"}]}';
  const PERSON = '{"type":"record","name":"Person","namespace":"t","fields":[{"name":"a","type":"t.Addr"}]}';
  const ref = (version: number) => [{ name: 't.Addr', subject: 'addr', version }];

  async function i01() {
    await reg('addr', ADDR);
    return h.call('POST', '/subjects/person/versions', { schema: PERSON, references: ref(1) });
  }

  it('I01 register with a reference; the stored text names the referenced type', async () => {
    expect((await i01()).json).toEqual({ id: 2 });
    expect(await json('GET', '/subjects/person/versions/1')).toEqual({
      subject: 'person',
      version: 1,
      id: 2,
      references: [{ name: 't.Addr', subject: 'addr', version: 1 }],
      schema: '{"type":"record","name":"Person","namespace":"t","fields":[{"name":"a","type":"Addr"}]}',
    });
    expect(await json('GET', '/schemas/ids/2')).toMatchObject({ references: ref(1) });
  });

  it('I02/I03 missing references are 42201', async () => {
    await reg('addr', ADDR);
    expectError(
      await h.call('POST', '/subjects/person/versions', { schema: PERSON, references: [] }),
      422,
      42201,
    );
    expectError(
      await h.call('POST', '/subjects/person/versions', { schema: PERSON, references: ref(9) }),
      422,
      42201,
    );
  });

  it('I04/I05 referencedby, and referenced versions cannot be deleted', async () => {
    await i01();
    expect(await json('GET', '/subjects/addr/versions/1/referencedby')).toEqual([2]);
    expect(await json('GET', '/subjects/person/versions/1/referencedby')).toEqual([]);
    const blocked = await h.call('DELETE', '/subjects/addr/versions/1');
    expectError(blocked, 422, 42206);
    expect(blocked.json.message).toMatch(/^One or more references exist to the schema /);
    expectError(await h.call('DELETE', '/subjects/addr'), 422, 42206);
  });

  it('I06 soft-deleted referrers block only hard deletes', async () => {
    await i01();
    expect(await json('DELETE', '/subjects/person')).toEqual([1]);
    expect(await json('DELETE', '/subjects/addr/versions/1')).toBe(1);
    expectError(await h.call('DELETE', '/subjects/addr/versions/1?permanent=true'), 422, 42206);
    await h.call('DELETE', '/subjects/person?permanent=true');
    expect(await json('DELETE', '/subjects/addr/versions/1?permanent=true')).toBe(1);
  });

  it('compatibility of a referencing schema resolves its references', async () => {
    await i01();
    const evolved =
      '{"type":"record","name":"Person","namespace":"t","fields":[{"name":"a","type":"t.Addr"},{"name":"n","type":"int","default":0}]}';
    const body = { schema: evolved, references: ref(1) };
    expect((await h.call('POST', '/compatibility/subjects/person/versions/latest', body)).json).toEqual({
      is_compatible: true,
    });
    expect((await h.call('POST', '/subjects/person/versions', body)).json).toEqual({ id: 3 });
  });
});
