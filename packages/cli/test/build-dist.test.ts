import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(CLI, '..', '..');
const SERDE_DIST = join(REPO, 'packages', 'serde', 'dist', 'esm', 'index.js');
const hasSerdeDist = existsSync(SERDE_DIST);

describe("the repository's contracts", () => {
  it('generated/ is up to date with idl/ and charter.yaml (what CI checks)', async () => {
    const result = await runCli(['build', '--check'], REPO);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/checked \d+ event packages in generated\/ \(up to date\)/);
  });
});

// Inside node_modules/.cache so that @charter/serde resolves from the generated dist, as in a workspace.
const cache = join(CLI, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const root = mkdtempSync(join(cache, 'charter-build-dist-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!hasSerdeDist)(
  `a generated package at run time (dist, ESM and CJS)${hasSerdeDist ? '' : ' (skipped: needs packages/serde/dist; run pnpm build)'}`,
  () => {
    it('encodes and decodes through its ESM and CommonJS builds alike', async () => {
      mkdirSync(join(root, 'idl'), { recursive: true });
      writeFileSync(join(root, 'charter.yaml'), "scope: '@acme-events'\n");
      writeFileSync(
        join(root, 'idl', 'order-placed.avdl'),
        `namespace com.acme.orders;
schema OrderPlaced;
record OrderPlaced {
  uuid orderId;
  timestamp_ms placedAt;
  decimal(9, 2) total;
  union { null, string, int } ref = null;
  array<string> tags = [];
}
`,
      );
      expect((await runCli(['build'], root)).code).toBe(0);
      const dist = join(root, 'generated', 'order-placed', 'dist');
      const value = `{ orderId: '123e4567-e89b-12d3-a456-426614174000', placedAt: new Date(86400000), total: '19.90', ref: { type: 'int', value: 7 } }`;
      const script = (load: string) => `${load}
const event = OrderPlaced.create(${value});
const bytes = OrderPlaced.encode(event);
console.log(JSON.stringify({ hex: Buffer.from(bytes).toString('hex'), back: OrderPlaced.decode(bytes), subject: OrderPlaced.subject, bad: OrderPlaced.validate({ ...event, total: 19.9 }) }));`;
      const esm = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          script(`import { OrderPlaced } from ${JSON.stringify(join(dist, 'index.js'))};`),
        ],
        { encoding: 'utf8' },
      );
      const cjs = spawnSync(
        process.execPath,
        ['-e', script(`const { OrderPlaced } = require(${JSON.stringify(join(dist, 'index.cjs'))});`)],
        { encoding: 'utf8' },
      );
      expect(esm.stderr).toBe('');
      expect(cjs.stderr).toBe('');
      const a = JSON.parse(esm.stdout);
      const b = JSON.parse(cjs.stdout);
      expect(a).toEqual(b);
      expect(a.back).toEqual({
        orderId: '123e4567-e89b-12d3-a456-426614174000',
        placedAt: '1970-01-02T00:00:00.000Z',
        total: '19.90',
        ref: { type: 'int', value: 7 },
        tags: [],
      });
      expect(a.subject).toBe('order-placed-value');
      expect(a.bad).toEqual([{ path: 'total', message: 'expected a decimal string, got number' }]);
    });
  },
);
