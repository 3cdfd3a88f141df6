import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A1, A2, A3, expectError, type Harness, STR, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const reg = (subject: string, body: object | string, query = '') =>
  h.call('POST', `/subjects/${subject}/versions${query}`, typeof body === 'string' ? { schema: body } : body);

describe('B: registration, ids and versions', () => {
  it('B01/B02 first registration answers {id}; the stored text is canonical', async () => {
    const a = await reg('S', STR);
    expect(a.status).toBe(200);
    expect(a.text).toBe('{"id":1}');
    expect((await h.call('GET', '/subjects/S/versions/1')).json).toEqual({
      subject: 'S',
      version: 1,
      id: 1,
      schema: '"string"',
    });
  });

  it('B03/B04 re-registering, also with other whitespace, keeps one id and version', async () => {
    await reg('S', STR);
    expect((await reg('S', STR)).json).toEqual({ id: 1 });
    expect((await reg('S', '"string"')).json).toEqual({ id: 1 });
    expect((await reg('S', '{ "type" : "string" }')).json).toEqual({ id: 1 });
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1]);
  });

  it('B05 the same schema under a second subject shares the id', async () => {
    await reg('S', STR);
    expect((await reg('T', STR)).json).toEqual({ id: 1 });
    expect((await h.call('GET', '/subjects/T/versions')).json).toEqual([1]);
  });

  it('B06/B07 a new schema gets a new id and version; an older one does not become latest', async () => {
    expect((await reg('S', A1)).json).toEqual({ id: 1 });
    expect((await reg('S', A2)).json).toEqual({ id: 2 });
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1, 2]);
    expect((await reg('S', A1)).json).toEqual({ id: 1 });
    const latest = await h.call('GET', '/subjects/S/versions/latest');
    expect(latest.json).toMatchObject({ version: 2, id: 2 });
  });

  it('B08 an explicit AVRO type equals the default', async () => {
    expect((await reg('S', { schema: A1, schemaType: 'AVRO' })).json).toEqual({ id: 1 });
    expect((await reg('S', A1)).json).toEqual({ id: 1 });
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1]);
  });

  it('B09 ids increase across subjects', async () => {
    await reg('S', A1);
    expect((await reg('T', A1)).json).toEqual({ id: 1 });
    expect((await reg('U', A3)).json).toEqual({ id: 2 });
  });

  it('B10 doc changes identity', async () => {
    await reg('S', A1);
    await h.call('PUT', '/config/S', { compatibility: 'NONE' });
    const withDoc = A1.replace('"fields"', '"doc":"x","fields"');
    expect((await reg('S', withDoc)).json).toEqual({ id: 2 });
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1, 2]);
  });

  it('B11 invalid Avro is 422/42201', async () => {
    expectError(await reg('S', '{"type":"record","name":"X"}'), 422, 42201);
    expectError(await reg('S', 'not json at all'), 422, 42201);
    const badNamespace = '{"type":"record","name":"R","namespace":"foo-bar-baz","fields":[]}';
    expectError(await reg('S', badNamespace), 422, 42201);
    const badDefault = '{"type":"record","name":"R","fields":[{"name":"a","type":"int","default":"x"}]}';
    expectError(await reg('S', badDefault), 422, 42201);
  });

  it('B12 an unknown schema type is 42201', async () => {
    const a = await reg('S', { schema: A1, schemaType: 'AVROO' });
    expectError(a, 422, 42201);
    expect(a.json.message).toContain('Invalid schema type AVROO');
  });

  it('B13 an empty schema on a new subject is 42201 Empty schema', async () => {
    expectError(await reg('S', { schema: '' }), 422, 42201, 'Empty schema');
    expectError(await reg('S', {}), 422, 42201, 'Empty schema');
  });

  it('B14 an invalid subject is 42208', async () => {
    expectError(
      await reg('bad%0Asubject', STR),
      422,
      42208,
      "The specified subject 'bad\nsubject' is not a valid.",
    );
  });

  it('B15 an explicit version must be the next one', async () => {
    expectError(
      await reg('S', { schema: STR, version: 5 }),
      422,
      42201,
      'Version is not one more than previous version',
    );
    expect((await reg('S', { schema: STR, version: 1 })).status).toBe(200);
  });

  it('B16 an explicit id outside IMPORT is 42205', async () => {
    const a = await reg('S', { schema: STR, id: 100 });
    expectError(a, 422, 42205);
    expect(a.json.message).toContain('is not in import mode');
  });

  it('B17 JSON Schema is refused as an unsupported type, not a crash', async () => {
    const a = await reg('S', { schemaType: 'JSON', schema: '{"type":"object"}' });
    expectError(a, 422, 42201);
    expect((await h.call('GET', '/schemas/types')).json).toEqual(['AVRO']);
  });

  it('B19/B20 metadata is inherited within a subject and is part of identity across subjects', async () => {
    const first = await reg('S', { schema: A1, metadata: { properties: { owner: 'a' } } });
    expect(first.json).toMatchObject({ id: 1, version: 1 });
    const again = await reg('S', A1);
    expect(again.json.id).toBe(1);
    expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1]);
    const other = await reg('T', A1);
    expect(other.json.id).not.toBe(1);
  });

  it('B21 a registration with metadata answers the full record', async () => {
    const a = await reg('S', { schema: A1, metadata: { properties: { owner: 'Bob' } } });
    expect(a.json).toEqual({
      id: 1,
      subject: 'S',
      version: 1,
      schema: A1,
      metadata: { properties: { owner: 'Bob' } },
    });
    const byId = await h.call('GET', '/schemas/ids/1?subject=S');
    expect(byId.json).toEqual({ schema: A1, metadata: { properties: { owner: 'Bob' } } });
    expect((await h.call('GET', '/subjects/S/versions/latest')).json).toEqual({
      subject: 'S',
      version: 1,
      id: 1,
      schema: A1,
      metadata: { properties: { owner: 'Bob' } },
    });
  });

  it('normalize=true stores the normalised form, and equivalent spellings share it', async () => {
    const a = '{"type":"record","name":"R","namespace":"t","fields":[{"name":"f","type":"int","b":1,"a":2}]}';
    const b = '{"fields":[{"a":2,"name":"f","type":"int","b":1}],"name":"t.R","type":"record"}';
    expect((await reg('S', a, '?normalize=true')).json).toEqual({ id: 1 });
    expect((await reg('S', b, '?normalize=true')).json).toEqual({ id: 1 });
    expect((await h.call('GET', '/schemas/ids/1/schema')).text).toBe(
      '{"type":"record","name":"t.R","fields":[{"name":"f","type":"int","a":2,"b":1}]}',
    );
  });
});

describe('C: lookup', () => {
  it('C01/C05 finds a registered schema, canonically', async () => {
    await reg('S', A1);
    await reg('S', A2);
    expect((await h.call('POST', '/subjects/S', { schema: A1 })).json).toEqual({
      subject: 'S',
      version: 1,
      id: 1,
      schema: A1,
    });
    await reg('T', STR);
    expect((await h.call('POST', '/subjects/T', { schema: '"string"' })).json).toMatchObject({ id: 3 });
  });

  it('C02/C03 missing subject is 40401, missing schema 40403', async () => {
    expectError(
      await h.call('POST', '/subjects/NOPE', { schema: STR }),
      404,
      40401,
      "Subject 'NOPE' not found.",
    );
    await reg('S', STR);
    expectError(
      await h.call('POST', '/subjects/S', { schema: '{"type":"int"}' }),
      404,
      40403,
      'Schema not found',
    );
  });

  it('C04 an unparsable schema on lookup is 4xx', async () => {
    await reg('S', STR);
    expectError(await h.call('POST', '/subjects/S', { schema: '{"type":"invalid_type"}' }), 422, 42201);
  });

  it('C06/C07 soft-deleted versions and subjects are found only with deleted=true', async () => {
    await reg('S', A1);
    await reg('S', A2);
    await h.call('DELETE', '/subjects/S/versions/1');
    expectError(await h.call('POST', '/subjects/S', { schema: A1 }), 404, 40403);
    expect((await h.call('POST', '/subjects/S?deleted=true', { schema: A1 })).json).toMatchObject({
      version: 1,
    });
    await h.call('DELETE', '/subjects/S');
    expectError(await h.call('POST', '/subjects/S', { schema: A2 }), 404, 40401);
    expect((await h.call('POST', '/subjects/S?deleted=true', { schema: A2 })).json).toMatchObject({
      version: 2,
    });
  });
});
