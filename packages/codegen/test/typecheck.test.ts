import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractModel, generatePackage } from '@charter/codegen';
import { arbitraryFor } from '@charter/serde/testing';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { tsLiteral } from '../src/ts-literal.js';
import { SAMPLE_NAMES, sampleSource } from './support/sources.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TSC = join(REPO, 'node_modules', '.bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'charter-codegen-tsc-'));
writeFileSync(join(work, 'package.json'), '{ "type": "module" }\n');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A file that uses the generated module: typed sample values, narrowing, and errors that must be errors. */
function usage(name: string, longs: 'number' | 'bigint'): string {
  const source = sampleSource(name);
  const model = contractModel(source, longs);
  const event = model.eventName;
  const values = fc.sample(arbitraryFor(source.schema, { longs }), { numRuns: 25, seed: 11 });
  return `import { ${event} } from './index.js';

// Values the codec produces and accepts are values of the generated type.
export const samples: ${event}[] = [
${values.map((v) => `  ${tsLiteral(v)},`).join('\n')}
];
for (const v of samples) ${event}.decode(${event}.encode(v));

// @ts-expect-error an object without the event's required fields is not an event
export const incomplete: ${event} = {};

export function roundTrip(value: ${event}): ${event} {
  const issues: { path: string; message: string }[] = ${event}.validate(value);
  if (issues.length > 0) throw new Error(issues[0]!.path);
  return ${event}.decode(${event}.encode(value), ${event}.schema);
}
`;
}

const EXTRA: Record<string, string> = {
  'kitchen-sink': `
import type { KitchenSinkInit } from './index.js';
export function describeChoice(c: KitchenSink['choice']): string {
  if (c === null) return 'none';
  switch (c.type) {
    case 'string': return c.value.toUpperCase();
    case 'int': return c.value.toFixed(0);
    case 'com.example.sink.Point': return String(c.value.x + c.value.y);
    case 'array': return String(c.value.length);
  }
}
// @ts-expect-error a decimal is an exact string, never a number
export const price: KitchenSink['amount'] = 19.99;
// @ts-expect-error a union branch needs its tag
export const untagged: KitchenSink['choice'] = 'text';
// @ts-expect-error an enum is one of its symbols
export const status: KitchenSink['status'] = 'DELETED';
// @ts-expect-error timestamp-micros is an exact bigint
export const micros: KitchenSink['atMicros'] = 1;
export const minimal: KitchenSinkInit = {
  hash: new Uint8Array(16), bigAmount: '1.000000000', id: '123e4567-e89b-12d3-a456-426614174000',
  fixedId: '123e4567-e89b-12d3-a456-426614174000', timeMs: '00:00:00.000', timeUs: '00:00:00.000000',
  atMicros: 0n, atNanos: 0n, localAt: '2024-01-01T00:00:00.000', localAtMicros: '2024-01-01T00:00:00.000000',
  localAtNanos: '2024-01-01T00:00:00.000000000', span: { months: 1, days: 2, milliseconds: 3 }, nested: { point: { x: 1, y: 2 } },
};
export const created: KitchenSink = KitchenSink.create(minimal);
export const tagged: typeof created.status = created.status;
`,
  tree: `
import type { Category as C } from './index.js';
export function depth(c: C): number {
  return 1 + Math.max(0, ...c.children.map(depth), c.parent ? depth(c.parent) : 0);
}
`,
};

it('the generated TypeScript compiles with tsc --strict, and its types agree with the codec', () => {
  const files: string[] = [];
  for (const name of SAMPLE_NAMES) {
    for (const longs of ['number', 'bigint'] as const) {
      const dir = join(work, `${name}-${longs}`);
      mkdirSync(dir, { recursive: true });
      const pkg = generatePackage(sampleSource(name), { longs });
      writeFileSync(join(dir, 'index.ts'), pkg.files.get('src/index.ts')!);
      writeFileSync(
        join(dir, 'use.ts'),
        usage(name, longs) + (longs === 'number' ? (EXTRA[name] ?? '') : ''),
      );
      files.push(join(dir, 'index.ts'), join(dir, 'use.ts'));
    }
  }
  const paths = Object.fromEntries(
    ['serde', 'schema', 'diagnostics', 'registry-client'].map((p) => [
      `@charter/${p}`,
      [join(REPO, 'packages', p, 'src', 'index.ts')],
    ]),
  );
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      extends: join(REPO, 'tsconfig.base.json'),
      compilerOptions: {
        noEmit: true,
        strict: true,
        paths,
        typeRoots: [join(REPO, 'node_modules', '@types')],
      },
      files,
    }),
  );
  const run = spawnSync(TSC, ['-p', join(work, 'tsconfig.json')], { encoding: 'utf8' });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
}, 120_000);
