import { generatePackage } from '@charter/codegen';
import { describe, expect, it } from 'vitest';
import { SAMPLE_NAMES, sampleSource } from './support/sources.js';

describe.each(SAMPLE_NAMES)('generated package of %s', (name) => {
  const pkg = generatePackage(sampleSource(name));

  it.each([...pkg.files.keys()])('%s matches the golden file', async (file) => {
    await expect(pkg.files.get(file)).toMatchFileSnapshot(`__golden__/${name}/${file}`);
  });

  it('declarations match the golden file', async () => {
    await expect(pkg.dist.get('dist/index.d.ts')).toMatchFileSnapshot(`__golden__/${name}/dist/index.d.ts`);
  });
});

it('bigint longs change the types of plain longs only', async () => {
  const pkg = generatePackage(sampleSource('same-names'), { longs: 'bigint' });
  const module = pkg.files.get('src/index.ts')!;
  expect(module).toContain('weightGrams: bigint;');
  expect(module).toContain('when: Date;');
  expect(module).toContain("longs: 'bigint',");
});
