export type { CodegenOptions, ContractSource } from './contract-source.js';
export { type ContractModel, contractModel } from './model.js';
export {
  GENERATED_HEADER,
  type ModuleParts,
  moduleParts,
  printCjs,
  printDeclarations,
  printEsm,
  printModule,
} from './module.js';
export { TypeNames } from './names.js';
export { type GeneratedPackage, generatePackage, type PackageOptions } from './package.js';
export {
  INITIAL_VERSION,
  keptVersion,
  printPackageJson,
  printTsconfig,
  printTurboJson,
} from './package-json.js';
export { printReadme } from './readme.js';
export { logicalHint, logicalTsType, TypeExpressions, type TypeMode } from './type-expressions.js';
export {
  existingPackageJson,
  isGeneratedPackage,
  type WriteOptions,
  type WriteReport,
  writePackages,
} from './write.js';
