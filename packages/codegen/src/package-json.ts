import type { ContractModel } from './model.js';

/** The version a new package starts at (changesets bumps it from there). */
export const INITIAL_VERSION = '0.1.0';

/** The `version` of an existing package.json text, if it has a valid one. */
export function keptVersion(existing: string | undefined): string | undefined {
  if (!existing) return undefined;
  try {
    const version = (JSON.parse(existing) as { version?: unknown }).version;
    return typeof version === 'string' && /^\d+\.\d+\.\d+/.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

export interface PackageJsonOptions {
  version: string;
  /** Version range of @charter/serde (default `workspace:^`, rewritten by pnpm on publish). */
  serdeRange?: string;
}

/** package.json of an event package. */
export function printPackageJson(model: ContractModel, options: PackageJsonOptions): string {
  const { source } = model;
  const { event, schema } = source;
  const pkg = {
    name: event.package,
    version: options.version,
    description: schema.doc?.trim().split('\n')[0] ?? `The ${schema.fullName} event contract`,
    type: 'module',
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      '.': {
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      './schema.avsc': `./schema/${schema.fullName}.avsc`,
      './package.json': './package.json',
    },
    files: ['dist', 'schema', 'README.md', 'CHANGELOG.md'],
    sideEffects: false,
    // @charter/serde's CommonJS build requires ES-module dependencies (require(esm), Node 20.19+)
    engines: { node: '>=20.19' },
    keywords: ['avro', 'kafka', 'event', 'charter'],
    dependencies: { '@charter/serde': options.serdeRange ?? 'workspace:^' },
    publishConfig: { access: 'public' },
    charter: {
      schema: schema.fullName,
      topic: event.topic,
      role: event.role,
      subject: event.subject,
      subjectStrategy: event.subjectStrategy,
      compatibility: event.compatibility,
      ...(source.source ? { source: source.source } : {}),
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** tsconfig.json of an event package (for editors and `tsc --noEmit`; `charter build` writes dist/). */
export function printTsconfig(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      isolatedDeclarations: true,
      declaration: true,
      skipLibCheck: true,
      types: [],
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * turbo.json of an event package: its (script-less) build task waits for the root `generate` task, so
 * workspace packages that depend on an event package are built after `charter build` wrote its dist/.
 */
export function printTurboJson(): string {
  const config = {
    $schema: 'https://turborepo.com/schema.json',
    extends: ['//'],
    tasks: { build: { dependsOn: ['^build', '//#generate'], outputs: [] } },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
