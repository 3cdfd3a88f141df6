import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileIdl } from '@charter/idl';
import { describe, expect, it } from 'vitest';

const base = resolve(import.meta.dirname, '../../../../shared/conformance/idl');
const present = existsSync(join(base, 'input'));

/** Truncated, cut and garbled versions of a text, at 40 places. */
function damaged(text: string): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.floor(text.length / 40));
  for (let k = 0; k <= text.length; k += step) {
    out.push(text.slice(0, k), text.slice(0, k) + text.slice(k + 3), `${text.slice(0, k)}@"${text.slice(k)}`);
  }
  return out;
}

describe.skipIf(!present)(
  `damaged input (${present ? 'Avro suite inputs' : 'skipped: ../shared absent'})`,
  () => {
    const files = present ? readdirSync(join(base, 'input')).filter((f) => f.endsWith('.avdl')) : [];
    it.each(files)(
      'never throws on damaged copies of %s, and reports an error whenever it gives no output',
      (f) => {
        const file = join(base, 'input', f);
        for (const text of damaged(readFileSync(file, 'utf8'))) {
          const r = compileIdl(text, file, { importPaths: [join(base, 'putOnClassPath')] });
          if (r.json === undefined) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          for (const d of r.diagnostics) expect(d.range?.start.line ?? 1).toBeGreaterThan(0);
        }
      },
    );
  },
);
