import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compileIdlFile } from '@charter/idl';
import { parseJsonWithPositions, stringifyJson } from '@charter/schema';
import { describe, expect, it } from 'vitest';

// Apache Avro's own IDL test suite, read at run time from ../shared (not copied into the repo).
const base = resolve(import.meta.dirname, '../../../../shared/conformance/idl');
const present = existsSync(join(base, 'manifest.json'));

interface Case {
  name: string;
  input: string;
  expected: string | null;
  kind: 'protocol' | 'schema' | 'schemata';
  expect: 'match' | 'error' | 'success';
  importPath: string[];
  warnings?: string[];
}

const cases: Case[] = present ? JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8')).cases : [];

/** Avro's test compares Jackson-normalised compact JSON: key order and int-versus-float count. */
function normalised(text: string): string {
  const parsed = parseJsonWithPositions(text);
  if (parsed.value === undefined) throw new Error('invalid expected JSON');
  return stringifyJson(parsed.value);
}

describe.skipIf(!present)(
  `Avro IDL conformance suite (${present ? base : 'skipped: ../shared absent'})`,
  () => {
    for (const c of cases) {
      it(`${c.name} [${c.expect}]`, () => {
        const result = compileIdlFile(join(base, c.input), {
          importPaths: c.importPath.map((p) => join(base, p)),
        });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (c.expect === 'error') {
          expect(errors.length).toBeGreaterThan(0);
          expect(result.json).toBeUndefined();
          return;
        }
        expect(errors).toEqual([]);
        expect(result.kind).toBe(c.kind);
        if (c.expected) {
          const expected = normalised(readFileSync(join(base, c.expected), 'utf8'));
          expect(stringifyJson(result.json!)).toBe(expected);
        }
        if (c.warnings) {
          const warnings = result.diagnostics
            .filter((d) => d.severity === 'warning')
            .map(
              (d) => `Line ${d.range!.start.line}, char ${d.range!.start.column}: ${d.message}\n${d.hint}`,
            );
          expect(warnings).toEqual(c.warnings);
        }
        expect(result.files[0]).toBe(resolve(dirname(join(base, c.input)), c.input.split('/').pop()!));
      });
    }
  },
);
