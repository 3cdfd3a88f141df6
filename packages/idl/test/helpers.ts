import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '@charter/diagnostics';
import { compileIdl, type IdlCompileOptions, type IdlResult } from '@charter/idl';
import { type JsonValue, stringifyJson } from '@charter/schema';
import { afterAll } from 'vitest';

/** Compiles IDL text as if it were /virtual/test.avdl (no imports resolved on disk). */
export function compile(text: string, options: IdlCompileOptions = {}): IdlResult {
  return compileIdl(text, '/virtual/test.avdl', { readFile: () => undefined, ...options });
}

/** The compact JSON Avro Java prints (Jackson's layout: key order kept, doubles with their `.0`). */
export function json(text: string, options: IdlCompileOptions = {}): string {
  const result = compile(text, options);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || result.json === undefined) {
    throw new Error(`compile failed: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return stringifyJson(result.json);
}

/** The parsed output, for assertions on one part of it. */
export function value(text: string, options: IdlCompileOptions = {}): JsonValue {
  return JSON.parse(json(text, options)) as JsonValue;
}

export function errors(text: string, options: IdlCompileOptions = {}): Diagnostic[] {
  return compile(text, options).diagnostics.filter((d) => d.severity === 'error');
}

/** `code line:column` of each error, the shape most error tests assert. */
export function errorAt(text: string, options: IdlCompileOptions = {}): string[] {
  return errors(text, options).map((d) => `${d.code} ${d.range?.start.line}:${d.range?.start.column}`);
}

export function warnings(text: string): Diagnostic[] {
  return compile(text).diagnostics.filter((d) => d.severity === 'warning');
}

/** A temporary directory with the given files; removed after the test file. */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'charter-idl-test-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** A record with one field of the given declaration, compiled; returns that field's JSON. */
export function field(declaration: string, extra = ''): Record<string, JsonValue> {
  const out = value(`protocol P { ${extra} record R { ${declaration} } }`) as { types: JsonValue[] };
  const record = out.types.find((t) => (t as { name?: string }).name === 'R') as { fields: JsonValue[] };
  return record.fields[0] as Record<string, JsonValue>;
}
