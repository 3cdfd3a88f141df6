import type { Diagnostic, Range } from '@charter/diagnostics';
import type { JsonValue, NamedSchema, Schema } from '@charter/schema';
import type { IdlCompileCache } from './compile.js';
import type { IdlProtocol } from './protocol.js';

export interface IdlCompileOptions {
  /** Directories searched for an import not found next to the importing file (Avro's classpath). */
  importPaths?: string[];
  /** Reads a file by absolute path; undefined when it does not exist. Default: the file system. */
  readFile?: (absPath: string) => string | undefined;
  /**
   * File texts and parses to share with other compilations of the same process (one per project load):
   * a file imported by many compiled files is then read and parsed once.
   */
  cache?: IdlCompileCache;
}

export interface IdlSourceLocation {
  file: string;
  range: Range;
}

export interface IdlSourceMap {
  /** Where a named type, one of its fields, or an enum symbol is declared. */
  locate(target: { type: string; field?: string; symbol?: string }): IdlSourceLocation | undefined;
}

export type IdlOutputKind = 'protocol' | 'schema' | 'schemata';

export interface IdlResult {
  /** `protocol`: a protocol file; `schema`: a schema-mode file with `schema T;`; `schemata`: without. */
  kind: IdlOutputKind;
  /** Exactly what Avro 1.12's `idl` tool prints (undefined on error). */
  json: JsonValue | undefined;
  /** Every named type (imported ones included) by full name, in definition order. */
  types: Map<string, NamedSchema>;
  /** Schema mode: the `schema X;` declaration. */
  mainSchema?: Schema;
  /** Protocol mode: the protocol with its messages. */
  protocol?: IdlProtocol;
  /** Errors and warnings, with file and range. */
  diagnostics: Diagnostic[];
  sourceMap: IdlSourceMap;
  /** Absolute paths of every file read, the compiled file first. */
  files: string[];
}

/** One file of `idl2schemata` output. */
export interface IdlSchemaFile {
  /** `<simple name>.avsc`, as avro-tools names it. */
  fileName: string;
  /** Full name of the type. */
  fullName: string;
  json: JsonValue;
  /** Pretty-printed JSON and a newline, byte for byte what avro-tools writes. */
  text: string;
}
