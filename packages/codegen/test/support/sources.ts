import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractSource } from '@charter/codegen';
import { kebabCase } from '@charter/config';
import { isRecord, parseJsonWithPositions, parseSchema } from '@charter/schema';

/** The sample schemas shared with @charter/serde's codec tests. */
export const SAMPLES = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'serde',
  'test',
  'fixtures',
);
export const SAMPLE_NAMES = ['kitchen-sink', 'order-placed', 'same-names', 'tree'] as const;

/** A contract source for an .avsc text, with the settings charter.yaml would give it by default. */
export function sourceFromText(text: string, source = 'test.avsc'): ContractSource {
  const json = parseJsonWithPositions(text).value!;
  const schema = parseSchema(json).schema;
  if (!schema || !isRecord(schema)) throw new Error('not a record schema');
  const slug = kebabCase(schema.name);
  return {
    schema,
    json,
    source,
    event: {
      name: schema.name,
      slug,
      topic: slug,
      role: 'value',
      subjectStrategy: 'TopicNameStrategy',
      subject: `${slug}-value`,
      compatibility: 'BACKWARD',
      package: `@acme-events/${slug}`,
    },
  };
}

export function sampleSource(name: string): ContractSource {
  return sourceFromText(readFileSync(join(SAMPLES, `${name}.avsc`), 'utf8'), `samples/${name}.avsc`);
}
