import { join, relative } from 'node:path';
import {
  CONFIG_FILE,
  type ContractIndex,
  loadContractIndex,
  type ResolvedEvent,
  resolveEvents,
} from '@charter/config';
import type { Diagnostic } from '@charter/diagnostics';
import { compileIdlFile, IdlCompileCache, type IdlSourceMap } from '@charter/idl';
import { isRecord, type JsonValue, type Schema } from '@charter/schema';
import { findIdlFiles } from './discover.js';

/** One event contract of the project: its settings, its schema and where it was written. */
export interface ProjectEvent {
  event: ResolvedEvent;
  schema: Schema;
  /** The schema's Avro JSON, exactly as Avro's `idl` tool prints it. */
  json: JsonValue;
  /** Absolute path of the .avdl file that declares the event (`schema X;`). */
  file: string;
  sourceMap: IdlSourceMap;
}

export interface Project {
  root: string;
  index: ContractIndex | undefined;
  events: ProjectEvent[];
  /** Every .avdl file read, including imported ones. */
  files: string[];
  diagnostics: Diagnostic[];
}

export interface LoadProjectOptions {
  /** Defaults to `<root>/charter.yaml`. */
  configFile?: string;
  /** File texts and parses shared by the compilations of the load; defaults to a new one per load. */
  idlCache?: IdlCompileCache;
}

/**
 * Loads the contract index and compiles every .avdl file under its `idl` directory. An event is the main
 * schema (`schema X;`) of a schema-mode file; files without one hold shared types for imports.
 * Diagnostics are relative to `root` for printing.
 */
export function loadProject(root: string, options: LoadProjectOptions = {}): Project {
  const configFile = options.configFile ?? join(root, CONFIG_FILE);
  const loaded = loadContractIndex(configFile);
  const rel = (d: Diagnostic): Diagnostic =>
    d.file?.startsWith('/') ? { ...d, file: relative(root, d.file) } : d;
  const diagnostics: Diagnostic[] = loaded.diagnostics.map(rel);
  const index = loaded.index;
  if (!index) return { root, index, events: [], files: [], diagnostics };

  const found = new Map<string, Omit<ProjectEvent, 'event'>>();
  const files = new Set<string>();
  // Shared imports (money.avdl) are read and parsed once for the whole project, not once per importer.
  const cache = options.idlCache ?? new IdlCompileCache();
  for (const file of findIdlFiles(index.idl)) {
    const result = compileIdlFile(file, { importPaths: index.importPaths, cache });
    for (const f of result.files) files.add(f);
    diagnostics.push(...result.diagnostics.map(rel));
    const main = result.mainSchema;
    if (result.kind !== 'schema' || !main || result.json === undefined) continue;
    if (!isRecord(main)) {
      diagnostics.push({
        code: 'PRJ001',
        severity: 'error',
        message: `the main schema of an event file must be a record, not ${main.type}`,
        file: relative(root, file),
      });
      continue;
    }
    const other = found.get(main.fullName);
    if (other) {
      diagnostics.push({
        code: 'PRJ002',
        severity: 'error',
        message: `${main.fullName} is the main schema of two files: ${relative(root, other.file)} and ${relative(root, file)}`,
        file: relative(root, file),
      });
      continue;
    }
    found.set(main.fullName, { schema: main, json: result.json, file, sourceMap: result.sourceMap });
  }
  const resolved = resolveEvents(index, [...found.keys()], {
    declaredIn: (schema) => found.get(schema)?.file,
  });
  diagnostics.push(...resolved.diagnostics.map(rel));
  const events = resolved.events.map((event) => ({ event, ...found.get(event.schema)! }));
  return { root, index, events, files: [...files].sort(), diagnostics };
}
