import { relative } from 'node:path';
import {
  existingPackageJson,
  type GeneratedPackage,
  generatePackage,
  keptVersion,
  type WriteReport,
  writePackages,
} from '@charter/codegen';
import type { ContractIndex } from '@charter/config';
import type { Project } from '@charter/project';
import { isRecord } from '@charter/schema';

export interface BuildOptions {
  /** Compare only; write nothing. */
  check?: boolean;
}

export interface BuildResult {
  packages: GeneratedPackage[];
  report: WriteReport;
}

/**
 * Generates every event package of a project loaded without errors in memory, then brings the output
 * directory to exactly those packages. (Two events sharing a folder are a load error, CFG009.)
 */
export function buildPackages(
  project: Project & { index: ContractIndex },
  options: BuildOptions = {},
): BuildResult {
  const { index } = project;
  const longs = index.codegen?.longs ?? 'number';
  const packages: GeneratedPackage[] = [];
  for (const { event, schema, json, file } of project.events) {
    if (!isRecord(schema)) continue; // the project loader already reported it
    const version = keptVersion(existingPackageJson(index.output, event.slug));
    packages.push(
      generatePackage(
        { schema, json, event, source: relative(project.root, file) },
        { longs, ...(version ? { version } : {}), withoutDist: options.check === true },
      ),
    );
  }
  const report = writePackages(index.output, packages, { check: options.check === true });
  return { packages, report };
}
