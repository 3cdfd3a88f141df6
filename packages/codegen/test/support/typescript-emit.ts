import tsMorph from 'ts-morph';

const { ts } = tsMorph;

const BASE: import('ts-morph').ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  strict: true,
  removeComments: false,
  sourceMap: false,
  newLine: ts.NewLineKind.LineFeed,
};
const DECLARATIONS = { ...BASE, declaration: true, isolatedDeclarations: true };

export interface EmittedModule {
  /** ES module (`dist/index.js`). */
  esm: string;
  /** CommonJS module (`dist/index.cjs`). */
  cjs: string;
  /** Declarations (`dist/index.d.ts`, also used as `index.d.cts`). */
  dts: string;
}

/**
 * What TypeScript's own emitter (the one bundled with ts-morph) makes of a generated module: the oracle
 * the printed dist files are held to. Each file is transpiled alone, which the generated source allows
 * (explicit types on every export, `isolatedDeclarations`).
 */
export function emitModule(source: string, fileName = 'index.ts'): EmittedModule {
  const esm = ts.transpileModule(source, {
    fileName,
    compilerOptions: { ...BASE, module: ts.ModuleKind.ESNext },
    reportDiagnostics: true,
  });
  const cjs = ts.transpileModule(source, {
    fileName,
    compilerOptions: { ...BASE, module: ts.ModuleKind.CommonJS },
  });
  const dts = ts.transpileDeclaration(source, {
    fileName,
    compilerOptions: DECLARATIONS,
    reportDiagnostics: true,
  });
  const problems = [...(esm.diagnostics ?? []), ...(dts.diagnostics ?? [])];
  if (problems.length > 0) {
    const text = problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
    throw new Error(`generated ${fileName} does not transpile:\n${text}`);
  }
  return { esm: esm.outputText, cjs: cjs.outputText, dts: dts.outputText };
}
