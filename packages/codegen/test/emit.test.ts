import {
  contractModel,
  moduleParts,
  printCjs,
  printDeclarations,
  printEsm,
  printModule,
} from '@charter/codegen';
import { describe, expect, it } from 'vitest';
import { SAMPLE_NAMES, sampleSource } from './support/sources.js';
import { emitModule } from './support/typescript-emit.js';

/** Code without comments and whitespace (and without TypeScript's optional `;` before `}`). */
function tokens(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s+/g, '')
    .replaceAll(';}', '}');
}

describe.each(SAMPLE_NAMES)('dist of %s', (name) => {
  for (const longs of ['number', 'bigint'] as const) {
    const parts = moduleParts(contractModel(sampleSource(name), longs));
    const typescript = emitModule(printModule(parts));

    it(`is what TypeScript emits for the source (longs: ${longs})`, () => {
      expect(tokens(printEsm(parts))).toBe(tokens(typescript.esm));
      expect(tokens(printCjs(parts))).toBe(tokens(typescript.cjs));
      expect(tokens(printDeclarations(parts))).toBe(tokens(typescript.dts));
    });
  }

  it('keeps the doc comments and the pure annotation for bundlers', () => {
    const parts = moduleParts(contractModel(sampleSource(name), 'number'));
    expect(printEsm(parts)).toContain('/*@__PURE__*/ defineContract({');
    expect(printDeclarations(parts)).toMatch(/\/\*\*[\s\S]*?\*\/\nexport declare const /);
  });
});
