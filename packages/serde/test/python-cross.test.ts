import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AvroCodec } from '@charter/serde';
import { arbitraryFor } from '@charter/serde/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSchemas } from './support/fixtures.js';
import { pythonView } from './support/python-view.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'support', 'avro_cross.py');
const hasPythonAvro = spawnSync(PYTHON, ['-c', 'import avro.io'], { stdio: 'ignore' }).status === 0;

interface PythonResult {
  values: unknown[];
  reencoded: string[];
}

function python(schemaText: string, items: Buffer[]): PythonResult {
  const input = JSON.stringify({
    schema: JSON.parse(schemaText),
    items: items.map((b) => b.toString('hex')),
  });
  const run = spawnSync(PYTHON, [SCRIPT], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3-avro failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as PythonResult;
}

describe.skipIf(!hasPythonAvro)(
  `Apache Avro Python (python3-avro) agrees with our codec${hasPythonAvro ? '' : ' (skipped: needs /usr/bin/python3 with python3-avro; apt-get install python3-avro)'}`,
  () => {
    describe.each(sampleSchemas())('$name', ({ text, schema }) => {
      const codec = new AvroCodec(schema);
      const values = fc.sample(arbitraryFor(schema, { portable: true }), { numRuns: 150, seed: 4242 });
      const ours = values.map((v) => codec.encode(v));
      const result = python(text, ours);

      it('our bytes decode in Python to the same values', () => {
        values.forEach((value, i) => {
          expect(result.values[i], `value ${i}`).toEqual(pythonView(schema, value));
        });
      });

      it("Python's bytes of those values decode with ours to the same values", () => {
        result.reencoded.forEach((hex, i) => {
          expect(codec.decode(Buffer.from(hex, 'hex')), `value ${i}`).toEqual(values[i]);
        });
      });
    });
  },
);
