import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '@charter/diagnostics';
import { type JsonValue, type NamedSchema, type Schema, toAvroJson } from '@charter/schema';
import { type Redefinition, SchemaBuilder } from './build.js';
import { IdlCode } from './codes.js';
import type { IdlFileAst, ImportKind, MessageDecl, NamedDecl } from './ir.js';
import { type ImportedSchemas, importProtocolFile, importSchemaFile } from './json-import.js';
import { parseIdl } from './parser.js';
import type { IdlMessage, IdlProtocol } from './protocol.js';
import { readSourceFile } from './read-source.js';
import { Reporter, SourceFile } from './source.js';
import { declarationSourceMap } from './source-map.js';
import type { IdlCompileOptions, IdlOutputKind, IdlResult } from './types.js';
import { protocolToJson } from './write-protocol.js';

/** Errors after which the named types are incomplete, so resolving them would only add noise. */
const FATAL: ReadonlySet<string> = new Set([
  IdlCode.SyntaxError,
  IdlCode.LexicalError,
  IdlCode.ImportNotFound,
  IdlCode.ImportCycle,
  IdlCode.InvalidImport,
  IdlCode.UnreadableFile,
]);

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function outputKind(ast: IdlFileAst): IdlOutputKind {
  if (ast.protocol) return 'protocol';
  return ast.mainSchema ? 'schema' : 'schemata';
}

/** The parse of one file and the diagnostics it gave, for the text it was parsed from. */
interface Parsed<T> {
  text: string;
  value: T;
  diagnostics: readonly Diagnostic[];
}

/**
 * What compilations in one process may share: the text of every file read (or its absence) and the
 * parse of every file, keyed by absolute path. Files must not change while a cache is in use, and every
 * compilation using it must read files the same way (`readFile`). Compiled schemas of different
 * compilations may then share property maps and default values: treat them as read-only.
 */
export class IdlCompileCache {
  /** File texts by absolute path; undefined when the file cannot be read. */
  readonly texts = new Map<string, string | undefined>();
  /** IDL parses by absolute path. */
  readonly idl = new Map<string, Parsed<IdlFileAst>>();
  /** Imported .avsc/.avpr files by `<kind>:<absolute path>`. */
  readonly json = new Map<string, Parsed<ImportedSchemas>>();
  /** Files read and parsed through this cache (each at most once). */
  readonly stats = { reads: 0, parses: 0 };
}

/** Reads a file once per table of texts; counts the reads a cache saves others. */
function readThrough(
  texts: Map<string, string | undefined>,
  options: IdlCompileOptions,
  path: string,
): string | undefined {
  if (!texts.has(path)) {
    texts.set(path, (options.readFile ?? readSourceFile)(path));
    if (options.cache) options.cache.stats.reads++;
  }
  return texts.get(path);
}

/** One run of the compiler: the shared name table of a file and everything it imports. */
class Compilation {
  readonly reporter = new Reporter();
  private readonly decls = new Map<string, NamedDecl>();
  /** Full names in the order Avro lists them (a main schema's name where `schema X;` stands). */
  private readonly order: string[] = [];
  private readonly redefinitions: Redefinition[] = [];
  private readonly read = new Set<string>();
  private readonly stack: string[] = [];
  private readonly texts: Map<string, string | undefined>;
  readonly files: string[] = [];
  private readonly importPaths: string[];
  private readonly cache: IdlCompileCache | undefined;

  constructor(private readonly options: IdlCompileOptions) {
    this.importPaths = (options.importPaths ?? []).map((p) => resolve(p));
    this.cache = options.cache;
    this.texts = options.cache?.texts ?? new Map();
  }

  private text(path: string): string | undefined {
    return readThrough(this.texts, this.options, path);
  }

  /**
   * Parses a file with `parse`, or takes the parse a cache holds for the same text; either way its
   * diagnostics join this compilation's, in the order parsing gave them. Only files reported under their
   * absolute path are cached (a cached parse names its file in its locations).
   */
  private parsed<T>(
    table: Map<string, Parsed<T>> | undefined,
    key: string,
    cacheable: boolean,
    text: string,
    parse: (reporter: Reporter) => T,
  ): T {
    let entry = cacheable ? table?.get(key) : undefined;
    if (entry?.text !== text) {
      const reporter = new Reporter();
      entry = { text, value: parse(reporter), diagnostics: reporter.diagnostics };
      if (cacheable && table && this.cache) {
        table.set(key, entry);
        this.cache.stats.parses++;
      }
    }
    for (const d of entry.diagnostics) {
      this.reporter.diagnostics.push({ ...d });
      if (d.severity === 'error') this.reporter.errorCount++;
    }
    return entry.value;
  }

  private parseJson(path: string, kind: Exclude<ImportKind, 'idl'>, text: string): ImportedSchemas {
    return this.parsed(this.cache?.json, `${kind}:${path}`, true, text, (reporter) => {
      const source = new SourceFile(path, withoutBom(text));
      return kind === 'protocol' ? importProtocolFile(source, reporter) : importSchemaFile(source, reporter);
    });
  }

  private define(decl: NamedDecl): void {
    const first = this.decls.get(decl.fullName);
    if (first) this.redefinitions.push({ decl, first });
    else {
      this.decls.set(decl.fullName, decl);
      this.order.push(decl.fullName);
    }
  }

  private defineAll(imported: ImportedSchemas, messages: Map<string, MessageDecl> | undefined): void {
    for (const decl of imported.decls) this.define(decl);
    if (messages) for (const m of imported.messages) messages.set(m.name, m);
  }

  /** Parses an IDL file and processes its items in order; returns its AST and its messages. */
  loadIdl(
    path: string,
    display: string,
    text: string,
  ): { ast: IdlFileAst; messages: Map<string, MessageDecl> } {
    this.read.add(path);
    this.files.push(path);
    this.stack.push(path);
    const ast = this.parsed(this.cache?.idl, path, display === path, text, (reporter) =>
      parseIdl(new SourceFile(display, withoutBom(text)), reporter),
    );
    const messages = new Map<string, MessageDecl>();
    const isProtocol = ast.protocol !== undefined;
    for (const item of ast.items) {
      switch (item.kind) {
        case 'type':
          this.define(item.decl);
          break;
        case 'main':
          if (item.type.kind === 'ref') this.order.push(item.type.fullName);
          break;
        case 'message':
          messages.set(item.message.name, item.message);
          break;
        case 'import': {
          const target = this.resolveImport(path, item.path);
          if (!target) {
            const searched = [dirname(path), ...this.importPaths];
            this.reporter.error(
              IdlCode.ImportNotFound,
              `Error importing ${item.path}: file not found`,
              item.loc,
              `looked in ${searched.join(', ')}; add a directory with --import-path`,
            );
            break;
          }
          if (this.read.has(target)) {
            if (this.stack.includes(target)) {
              const cycle = [...this.stack.slice(this.stack.indexOf(target)), target];
              this.reporter.error(
                IdlCode.ImportCycle,
                `import cycle: ${cycle.join(' -> ')}`,
                item.loc,
                'move the shared types into a file that both import',
              );
            }
            break; // Avro imports each file once
          }
          const targetText = this.text(target)!;
          if (item.importKind === 'idl') {
            const sub = this.loadIdl(target, target, targetText);
            if (isProtocol && sub.ast.protocol) for (const [k, m] of sub.messages) messages.set(k, m);
          } else {
            this.read.add(target);
            this.files.push(target);
            const imported = this.parseJson(target, item.importKind, targetText);
            this.defineAll(imported, isProtocol ? messages : undefined);
          }
          break;
        }
      }
    }
    this.stack.pop();
    return { ast, messages };
  }

  private resolveImport(from: string, spec: string): string | undefined {
    const candidates = [resolve(dirname(from), spec), ...this.importPaths.map((dir) => resolve(dir, spec))];
    return candidates.find((c) => this.text(c) !== undefined);
  }

  finish(ast: IdlFileAst, messageDecls: Map<string, MessageDecl>): IdlResult {
    const kind = outputKind(ast);
    const sourceMap = declarationSourceMap(this.decls);
    const failed: IdlResult = {
      kind,
      json: undefined,
      types: new Map(),
      diagnostics: this.reporter.diagnostics,
      sourceMap,
      files: this.files,
    };
    if (this.reporter.diagnostics.some((d) => FATAL.has(d.code))) return failed;

    const builder = new SchemaBuilder(this.reporter, this.decls, this.redefinitions);
    const types = new Map<string, NamedSchema>();
    for (const name of this.order) {
      const type = builder.types.get(name);
      if (type && !types.has(name)) types.set(name, type);
    }
    const messages = new Map<string, IdlMessage>();
    if (ast.protocol) for (const [name, m] of messageDecls) messages.set(name, builder.message(m));
    const mainSchema: Schema | undefined = ast.mainSchema ? builder.type(ast.mainSchema) : undefined;
    builder.finish();
    if (this.reporter.errorCount > 0) return { ...failed, types };

    const result: IdlResult = { ...failed, types };
    let json: JsonValue;
    if (ast.protocol) {
      const protocol: IdlProtocol = {
        name: ast.protocol.name,
        namespace: ast.protocol.namespace,
        props: ast.protocol.props,
        types: [...types.values()],
        messages,
      };
      if (ast.protocol.doc !== undefined) protocol.doc = ast.protocol.doc;
      result.protocol = protocol;
      json = protocolToJson(protocol);
    } else if (mainSchema) {
      result.mainSchema = mainSchema;
      json = toAvroJson(mainSchema);
    } else {
      json = [...types.values()].map((t) => toAvroJson(t));
    }
    result.json = json;
    return result;
  }
}

/**
 * Compiles Avro IDL text (the file at `file`, whose directory is where its imports are looked up first)
 * into exactly the JSON Avro 1.12's `idl` tool prints, plus the schema model and positioned diagnostics.
 */
export function compileIdl(text: string, file: string, options: IdlCompileOptions = {}): IdlResult {
  const compilation = new Compilation(options);
  const { ast, messages } = compilation.loadIdl(resolve(file), file, text);
  return compilation.finish(ast, messages);
}

/** Reads and compiles an .avdl file; see `compileIdl`. */
export function compileIdlFile(path: string, options: IdlCompileOptions = {}): IdlResult {
  const text = readThrough(options.cache?.texts ?? new Map(), options, resolve(path));
  if (text === undefined) {
    const reporter = new Reporter();
    reporter.error(IdlCode.UnreadableFile, `cannot read ${path}`, undefined);
    reporter.diagnostics[0]!.file = path;
    return {
      kind: 'protocol',
      json: undefined,
      types: new Map(),
      diagnostics: reporter.diagnostics,
      sourceMap: { locate: () => undefined },
      files: [],
    };
  }
  return compileIdl(text, path, options);
}
