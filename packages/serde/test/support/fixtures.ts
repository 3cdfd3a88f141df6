import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Schema } from '@charter/schema';
import { toSchema } from '@charter/serde';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The sample schemas (test/fixtures/*.avsc) by file name without extension. */
export function sampleSchemas(): { name: string; text: string; schema: Schema }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.avsc'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(FIXTURES, f), 'utf8');
      return { name: f.slice(0, -5), text, schema: toSchema(text) };
    });
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.avsc`), 'utf8');
}
