import { relative } from 'node:path';
import {
  existingPackageJson,
  type GeneratedPackage,
  generatePackage,
  keptVersion,
  type WriteReport,
  writePackages,
} from '@charter/codegen';
import type { Diagnostic } from '@charter/diagnostics';
import type { Project } from '@charter/project';
import { isRecord } from '@charter/schema';
import { BuildCode } from './codes.js';

export interface BuildOptions {
  /** Compare only; write nothing. */
  check?: boolean;
}

export interface BuildResult {
  packages: GeneratedPackage[];
  report: WriteReport | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Generates every event package of a loaded project in memory, then writes them all. When any event
 * fails to generate, nothing is written.
 */
export function buildPackages(project: Project, options: BuildOptions = {}): BuildResult {
  const index = project.index;
  if (!index) return { packages: [], report: undefined, diagnostics: [] };
  const longs = index.codegen?.longs ?? 'number';
  const packages: GeneratedPackage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { event, schema, json, file } of project.events) {
    const source = relative(project.root, file);
    try {
      if (!isRecord(schema)) throw new Error(`the main schema is a ${schema.type}, not a record`);
      const version = keptVersion(existingPackageJson(index.output, event.slug));
      packages.push(
        generatePackage(
          { schema, json, event, source },
          { longs, ...(version ? { version } : {}), withoutDist: options.check === true },
        ),
      );
    } catch (error) {
      diagnostics.push({
        code: BuildCode.GenerationFailed,
        severity: 'error',
        message: `cannot generate ${event.package}: ${(error as Error).message}`,
        file: source,
      });
    }
  }
  if (diagnostics.length > 0) return { packages, report: undefined, diagnostics };
  const report = writePackages(index.output, packages, { check: options.check === true });
  return { packages, report, diagnostics };
}
