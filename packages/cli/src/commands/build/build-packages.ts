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

/** Two events whose simple names give the same folder (`com.a.OrderPlaced`, `com.b.OrderPlaced`). */
function folderClashes(project: Project): Diagnostic[] {
  const index = project.index!;
  const bySlug = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const { event, file } of project.events) {
    const other = bySlug.get(event.slug);
    if (other === undefined) {
      bySlug.set(event.slug, event.schema);
      continue;
    }
    const line = index.events.find((e) => e.schema === event.schema)?.line;
    const at = { offset: 0, line: line ?? 1, column: 1 };
    const d: Diagnostic = {
      code: BuildCode.FolderClash,
      severity: 'error',
      message: `${other} and ${event.schema} would both be generated into ${relative(project.root, index.output)}/${event.slug}`,
      // the event's entry in charter.yaml when it has one, else the file that declares it
      file: relative(project.root, line === undefined ? file : index.file),
      range: { start: at, end: at },
      hint: 'rename one of the records (the folder is the kebab-case of its simple name)',
    };
    out.push(d);
  }
  return out;
}

/**
 * Generates every event package of a loaded project in memory, then brings the output directory to
 * exactly those packages. Nothing is written when two events clash.
 */
export function buildPackages(project: Project, options: BuildOptions = {}): BuildResult {
  const index = project.index;
  if (!index) return { packages: [], report: undefined, diagnostics: [] };
  const diagnostics = folderClashes(project);
  if (diagnostics.length > 0) return { packages: [], report: undefined, diagnostics };
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
  return { packages, report, diagnostics };
}
