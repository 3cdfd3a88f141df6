import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A1, A2, A3, expectError, type Harness, STR, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const reg = (subject: string, schema: string) => h.call('POST', `/subjects/${subject}/versions`, { schema });
const invalidVersion = (v: string) =>
  `The specified version '${v}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`;

describe('D: reading versions and schemas', () => {
  it('D01 latest and -1', async () => {
    await reg('S', A1);
    await reg('S', A2);
    for (const v of ['latest', 'LATEST', '-1']) {
      expect((await h.call('GET', `/subjects/S/versions/${v}`)).json).toMatchObject({ version: 2, id: 2 });
    }
  });

  it('D02/D03 invalid version ids are 42202', async () => {
    await reg('S', A1);
    expectError(await h.call('GET', '/subjects/S/versions/0'), 422, 42202, invalidVersion('0'));
    expectError(await h.call('GET', '/subjects/S/versions/abc'), 422, 42202, invalidVersion('abc'));
    expectError(await h.call('GET', '/subjects/S/versions/2147483648'), 422, 42202);
  });

  it('D04/D05 missing version is 40402, missing subject 40401', async () => {
    await reg('S', A1);
    expectError(await h.call('GET', '/subjects/S/versions/99'), 404, 40402, 'Version 99 not found.');
    expectError(await h.call('GET', '/subjects/NOPE/versions/1'), 404, 40401, "Subject 'NOPE' not found.");
    expectError(await h.call('GET', '/subjects/NOPE/versions'), 404, 40401);
  });

  it('D06/D07 raw schema endpoints', async () => {
    await reg('S', STR);
    expect((await h.call('GET', '/subjects/S/versions/1/schema')).text).toBe('"string"');
    expect((await h.call('GET', '/schemas/ids/1/schema')).text).toBe('"string"');
    await h.call('DELETE', '/subjects/S');
    expectError(await h.call('GET', '/subjects/S/versions/latest/schema'), 404, 40401);
  });

  it('D08/D09/D10 schema by id', async () => {
    await reg('S', STR);
    expect((await h.call('GET', '/schemas/ids/1')).text).toBe('{"schema":"\\"string\\""}');
    expect((await h.call('GET', '/schemas/ids/1?subject=other-value')).text).toBe(
      '{"schema":"\\"string\\""}',
    );
    const plain = await h.call('GET', '/schemas/ids/1', undefined, { Accept: 'application/json' });
    expect(plain.type).toBe('application/json');
    expectError(await h.call('GET', '/schemas/ids/1', undefined, { Accept: 'text/html' }), 406, 406);
    expect(h.lines.filter((l) => l.includes('INFO GET /schemas/ids/1 200'))).toHaveLength(2);
    expectError(await h.call('GET', '/schemas/ids/999'), 404, 40403, 'Schema 999 not found');
    expectError(await h.call('GET', '/schemas/ids/abc'), 404, 404, 'HTTP 404 Not Found');
    expectError(await h.call('GET', '/schemas/ids/99999999999'), 404, 404);
  });

  it('D11/D12/D13/D14 subjects and versions of an id', async () => {
    await reg('S', STR);
    await reg('T', STR);
    expect((await h.call('GET', '/schemas/ids/1/subjects')).json).toEqual(['S', 'T']);
    expect((await h.call('GET', '/schemas/ids/1/versions')).json).toEqual([
      { subject: 'S', version: 1 },
      { subject: 'T', version: 1 },
    ]);
    await h.call('DELETE', '/subjects/T/versions/1');
    expect((await h.call('GET', '/schemas/ids/1/subjects')).json).toEqual(['S']);
    expect((await h.call('GET', '/schemas/ids/1/subjects?deleted=true')).json).toEqual(['S', 'T']);
    expectError(await h.call('GET', '/schemas/ids/999/subjects'), 404, 40403, 'Schema not found');
    expectError(await h.call('GET', '/schemas/ids/999/versions'), 404, 40403);
    await h.call('DELETE', '/subjects/S');
    expect((await h.call('GET', '/schemas/ids/1')).status).toBe(200);
    expect((await h.call('GET', '/schemas/ids/1/subjects')).json).toEqual([]);
  });

  it('D15/D16 fetchMaxId and unknown formats', async () => {
    await reg('S', A1);
    await h.call('PUT', '/config/S', { compatibility: 'NONE' });
    await reg('S', A2);
    await reg('S', A3);
    expect((await h.call('GET', '/schemas/ids/1')).json).not.toHaveProperty('maxId');
    expect((await h.call('GET', '/schemas/ids/1?fetchMaxId=true')).json).toEqual({ schema: A1, maxId: 3 });
    expect((await h.call('GET', '/schemas/ids/1?format=bad-format')).json).toEqual({ schema: A1 });
  });

  it('D17/D18 types and sorted subjects', async () => {
    expect((await h.call('GET', '/schemas/types')).json).toEqual(['AVRO']);
    for (const s of ['b', 'a', 'c']) await reg(s, STR);
    expect((await h.call('GET', '/subjects')).json).toEqual(['a', 'b', 'c']);
    expect((await h.call('GET', '/subjects?subjectPrefix=b')).json).toEqual(['b']);
    expect((await h.call('GET', '/subjects?offset=1&limit=1')).json).toEqual(['b']);
  });

  it('D19 /schemas listing', async () => {
    await reg('S', A1);
    await reg('S', A2);
    await reg('T', STR);
    const all = await h.call('GET', '/schemas?subjectPrefix=S');
    expect(all.json.map((s: { version: number }) => s.version)).toEqual([1, 2]);
    expect(all.json[0]).toEqual({ subject: 'S', version: 1, id: 1, schema: A1 });
    expect((await h.call('GET', '/schemas?subjectPrefix=S&latestOnly=true')).json).toEqual([
      { subject: 'S', version: 2, id: 2, schema: A2 },
    ]);
  });

  it('subject names with slashes and spaces travel URL-encoded', async () => {
    expect((await reg('a%2Fb%20c', STR)).status).toBe(200);
    expect((await h.call('GET', '/subjects')).json).toEqual(['a/b c']);
    expect((await h.call('GET', '/subjects/a%2Fb%20c/versions/1')).json).toMatchObject({ subject: 'a/b c' });
  });
});
