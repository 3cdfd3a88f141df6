import { stringifyJsonPretty, toAvroJson } from '@charter/schema';
import type { IdlResult, IdlSchemaFile } from './types.js';

/**
 * `avro-tools idl2schemata`: one pretty-printed `.avsc` per named type, imported ones included, each a
 * standalone schema (named types it uses written in full inside it). Types whose simple names clash are
 * written to the same file name, the later one winning, as avro-tools does.
 */
export function idlToSchemata(result: IdlResult): IdlSchemaFile[] {
  const files: IdlSchemaFile[] = [];
  for (const [fullName, type] of result.types) {
    const json = toAvroJson(type);
    files.push({ fileName: `${type.name}.avsc`, fullName, json, text: `${stringifyJsonPretty(json)}\n` });
  }
  return files;
}
