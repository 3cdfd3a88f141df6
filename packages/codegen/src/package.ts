import { stringifyJsonPretty } from '@charter/schema';
import type { CodegenOptions, ContractSource } from './contract-source.js';
import { contractModel } from './model.js';
import { moduleParts, printCjs, printDeclarations, printEsm, printModule } from './module.js';
import { INITIAL_VERSION, printPackageJson, printTsconfig, printTurboJson } from './package-json.js';
import { printReadme } from './readme.js';

/** The files of one event package, by path relative to the package folder. */
export interface GeneratedPackage {
  /** Folder name under the output directory (`order-placed`). */
  slug: string;
  name: string;
  /** Committed files: package.json, README.md, tsconfig.json, turbo.json, src/index.ts, schema/<FullName>.avsc. */
  files: Map<string, string>;
  /** Built files under dist/ (ignored by git). */
  dist: Map<string, string>;
}

export interface PackageOptions extends CodegenOptions {
  /** The version in the existing package.json, kept on regeneration. */
  version?: string;
  /** Skip dist/ (for checks that only compare committed files). */
  withoutDist?: boolean;
}

/** Generates one event package in memory. */
export function generatePackage(source: ContractSource, options: PackageOptions = {}): GeneratedPackage {
  const model = contractModel(source, options.longs ?? 'number');
  const parts = moduleParts(model);
  const module = printModule(parts);
  const files = new Map<string, string>([
    ['package.json', printPackageJson(model, { version: options.version ?? INITIAL_VERSION })],
    ['README.md', printReadme(model)],
    ['tsconfig.json', printTsconfig()],
    ['turbo.json', printTurboJson()],
    ['src/index.ts', module],
    [`schema/${source.schema.fullName}.avsc`, `${stringifyJsonPretty(source.json)}\n`],
  ]);
  const dist = new Map<string, string>();
  if (!options.withoutDist) {
    // Printed from the same parts as the source: what TypeScript would emit for it (a test holds them
    // to TypeScript's own output), at a fraction of the cost of running its transpilers per package.
    const declarations = printDeclarations(parts);
    dist.set('dist/index.js', printEsm(parts));
    dist.set('dist/index.cjs', printCjs(parts));
    dist.set('dist/index.d.ts', declarations);
    dist.set('dist/index.d.cts', declarations);
  }
  return { slug: source.event.slug, name: source.event.package, files, dist };
}
