import {
  appendPointer,
  displayPointer,
  type EnumSchema,
  type Field,
  type FixedSchema,
  isNamed,
  type RecordSchema,
  type Schema,
  schemaToString,
} from '@charter/schema';
import { javaType, javaTypeName, lookupWriterFields, schemaNameEquals } from './avro-names.js';
import type {
  CompatibilityError,
  Incompatibility,
  IncompatibilityType,
  PairResult,
  SchemaContext,
} from './types.js';

const NONE: readonly Incompatibility[] = Object.freeze([]);
const IN_PROGRESS: readonly Incompatibility[] = Object.freeze([]);

/** Raised inside the walk where Avro Java throws; ends the check. */
class AmbiguousFieldMatch extends Error {
  constructor(readonly detail: CompatibilityError) {
    super(detail.message);
  }
}

/** Where the walk is: the JSON pointer tokens, the reader field names, and the enclosing type/field per side. */
interface Trail {
  tokens: string[];
  fields: string[];
  reader: SchemaContext;
  writer: SchemaContext;
}

function newTrail(): Trail {
  return { tokens: [], fields: [], reader: {}, writer: {} };
}

/** Avro Java's pointer: the tokens as RFC 6901, the root written `/`. */
function pointerOf(tokens: readonly string[]): string {
  return displayPointer(appendPointer('', ...tokens));
}

function merge(a: readonly Incompatibility[], b: readonly Incompatibility[]): readonly Incompatibility[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b];
}

/**
 * A port of Avro Java's `ReaderWriterCompatibilityChecker` (Avro 1.11.3+), the check Confluent runs:
 * results are memoised per (reader node, writer node) identity, a pair being checked counts as
 * compatible (so recursive types end), and a memoised result keeps the locations of its first visit.
 */
class ReaderWriterChecker {
  private readonly memo = new Map<Schema, Map<Schema, readonly Incompatibility[]>>();

  /** A check from a fresh root, as Java's two-argument `getCompatibility` does inside unions. */
  checkFromRoot(reader: Schema, writer: Schema, base?: Trail): readonly Incompatibility[] {
    const trail = newTrail();
    if (base) {
      trail.reader = base.reader;
      trail.writer = base.writer;
    }
    return this.check(reader, writer, trail);
  }

  private check(reader: Schema, writer: Schema, trail: Trail): readonly Incompatibility[] {
    let byWriter = this.memo.get(reader);
    if (!byWriter) {
      byWriter = new Map();
      this.memo.set(reader, byWriter);
    }
    const known = byWriter.get(writer);
    if (known !== undefined) return known === IN_PROGRESS ? NONE : known;
    byWriter.set(writer, IN_PROGRESS);
    const result = this.calculate(reader, writer, trail);
    byWriter.set(writer, result);
    return result;
  }

  /** `getCompatibility(token, reader, writer, location)`: push the token, check, pop. */
  private at(token: string, reader: Schema, writer: Schema, trail: Trail): readonly Incompatibility[] {
    trail.tokens.push(token);
    try {
      return this.check(reader, writer, trail);
    } finally {
      trail.tokens.pop();
    }
  }

  private incompatible(
    type: IncompatibilityType,
    reader: Schema,
    writer: Schema,
    message: string,
    trail: Trail,
  ): Incompatibility {
    return {
      type,
      location: pointerOf(trail.tokens),
      message,
      reader,
      writer,
      fieldPath: [...trail.fields],
      readerContext: contextOf(type, reader, trail.reader),
      writerContext: contextOf(type, writer, trail.writer),
    };
  }

  private typeMismatch(reader: Schema, writer: Schema, trail: Trail): readonly Incompatibility[] {
    const message = `reader type: ${javaTypeName(reader)} not compatible with writer type: ${javaTypeName(writer)}`;
    return [this.incompatible('TYPE_MISMATCH', reader, writer, message, trail)];
  }

  private calculate(reader: Schema, writer: Schema, trail: Trail): readonly Incompatibility[] {
    const readerType = javaType(reader);
    const writerType = javaType(writer);
    if (readerType === writerType) return this.sameType(reader, writer, trail);
    if (writer.type === 'union') {
      let result = NONE;
      writer.branches.forEach((branch, i) => {
        result = merge(result, this.at(String(i), reader, branch, trail));
      });
      return result;
    }
    switch (reader.type) {
      case 'long':
        return writerType === 'int' ? NONE : this.typeMismatch(reader, writer, trail);
      case 'float':
        return writerType === 'int' || writerType === 'long'
          ? NONE
          : this.typeMismatch(reader, writer, trail);
      case 'double':
        return writerType === 'int' || writerType === 'long' || writerType === 'float'
          ? NONE
          : this.typeMismatch(reader, writer, trail);
      case 'bytes':
        return writerType === 'string' ? NONE : this.typeMismatch(reader, writer, trail);
      case 'string':
        return writerType === 'bytes' ? NONE : this.typeMismatch(reader, writer, trail);
      case 'union': {
        for (const branch of reader.branches) {
          if (this.checkFromRoot(branch, writer, trail).length === 0) return NONE;
        }
        const message = `reader union lacking writer type: ${javaTypeName(writer)}`;
        return [this.incompatible('MISSING_UNION_BRANCH', reader, writer, message, trail)];
      }
      default:
        return this.typeMismatch(reader, writer, trail);
    }
  }

  private sameType(reader: Schema, writer: Schema, trail: Trail): readonly Incompatibility[] {
    switch (reader.type) {
      case 'array':
        return this.at('items', reader.items, (writer as typeof reader).items, trail);
      case 'map':
        return this.at('values', reader.values, (writer as typeof reader).values, trail);
      case 'fixed': {
        const w = writer as FixedSchema;
        return merge(this.names(reader, w, trail), this.fixedSize(reader, w, trail));
      }
      case 'enum': {
        const w = writer as EnumSchema;
        return merge(this.names(reader, w, trail), this.enumSymbols(reader, w, trail));
      }
      case 'record':
      case 'error': {
        const w = writer as RecordSchema;
        return merge(this.names(reader, w, trail), this.recordFields(reader, w, trail));
      }
      case 'union': {
        if (writer.type !== 'union') return NONE;
        let result = NONE;
        writer.branches.forEach((branch, i) => {
          trail.tokens.push(String(i));
          if (this.checkFromRoot(reader, branch, trail).length > 0) {
            const message = `reader union lacking writer type: ${javaTypeName(branch)}`;
            result = merge(result, [
              this.incompatible('MISSING_UNION_BRANCH', reader, branch, message, trail),
            ]);
          }
          trail.tokens.pop();
        });
        return result;
      }
      default:
        return NONE;
    }
  }

  private names(
    reader: FixedSchema | EnumSchema | RecordSchema,
    writer: FixedSchema | EnumSchema | RecordSchema,
    trail: Trail,
  ): readonly Incompatibility[] {
    if (schemaNameEquals(reader, writer)) return NONE;
    trail.tokens.push('name');
    const out = [this.incompatible('NAME_MISMATCH', reader, writer, `expected: ${writer.fullName}`, trail)];
    trail.tokens.pop();
    return out;
  }

  private fixedSize(reader: FixedSchema, writer: FixedSchema, trail: Trail): readonly Incompatibility[] {
    if (reader.size === writer.size) return NONE;
    trail.tokens.push('size');
    const message = `expected: ${writer.size}, found: ${reader.size}`;
    const out = [this.incompatible('FIXED_SIZE_MISMATCH', reader, writer, message, trail)];
    trail.tokens.pop();
    return out;
  }

  private enumSymbols(reader: EnumSchema, writer: EnumSchema, trail: Trail): readonly Incompatibility[] {
    const have = new Set(reader.symbols);
    const missing = [...new Set(writer.symbols)].filter((s) => !have.has(s)).sort(compareJavaStrings);
    if (missing.length === 0) return NONE;
    if (reader.default !== undefined && have.has(reader.default)) return NONE;
    trail.tokens.push('symbols');
    const found = this.incompatible('MISSING_ENUM_SYMBOLS', reader, writer, `[${missing.join(', ')}]`, trail);
    found.missingSymbols = missing;
    trail.tokens.pop();
    return [found];
  }

  private recordFields(reader: RecordSchema, writer: RecordSchema, trail: Trail): readonly Incompatibility[] {
    let result = NONE;
    trail.tokens.push('fields');
    const outerReader = trail.reader;
    const outerWriter = trail.writer;
    for (const readerField of reader.fields) {
      trail.tokens.push(String(readerField.position));
      trail.fields.push(readerField.name);
      trail.reader = { type: reader.fullName, field: readerField.name };
      const hits = lookupWriterFields(writer, readerField);
      if (hits.length > 1) throw this.ambiguous(readerField, writer, hits, trail);
      const writerField = hits[0];
      trail.writer = writerField
        ? { type: writer.fullName, field: writerField.name }
        : { type: writer.fullName };
      if (writerField) {
        result = merge(result, this.at('type', readerField.type, writerField.type, trail));
      } else if (readerField.default === undefined) {
        if (readerField.type.type === 'enum' && readerField.type.default !== undefined) {
          // Avro Java compares the reader enum with the whole writer record here.
          result = merge(result, this.at('type', readerField.type, writer, trail));
        } else {
          const found = this.incompatible(
            'READER_FIELD_MISSING_DEFAULT_VALUE',
            reader,
            writer,
            readerField.name,
            trail,
          );
          found.readerContext = { type: reader.fullName, field: readerField.name };
          found.writerContext = { type: writer.fullName };
          result = merge(result, [found]);
        }
      }
      trail.fields.pop();
      trail.tokens.pop();
    }
    trail.reader = outerReader;
    trail.writer = outerWriter;
    trail.tokens.pop();
    return result;
  }

  private ambiguous(
    readerField: Field,
    writer: RecordSchema,
    hits: Field[],
    trail: Trail,
  ): AmbiguousFieldMatch {
    const field = `${readerField.name} type:${javaTypeName(readerField.type)} pos:${readerField.position}`;
    return new AmbiguousFieldMatch({
      kind: 'AMBIGUOUS_FIELD',
      location: pointerOf(trail.tokens),
      message: `Reader record field ${field} matches multiple fields in writer record schema ${schemaToString(writer)}`,
      fieldPath: [...trail.fields],
      readerContext: { type: trail.reader.type ?? '', field: readerField.name },
      writerFields: hits.map((h) => h.name),
    });
  }
}

/**
 * The context of a problem: the named type itself for problems of a named type (its name, size or
 * symbols), else the enclosing record field (falling back to the node's own name at the root).
 */
function contextOf(type: IncompatibilityType, node: Schema, enclosing: SchemaContext): SchemaContext {
  const ofNode =
    type === 'NAME_MISMATCH' || type === 'FIXED_SIZE_MISMATCH' || type === 'MISSING_ENUM_SYMBOLS';
  if (isNamed(node) && (ofNode || enclosing.type === undefined)) return { type: node.fullName };
  return { ...enclosing };
}

/** Java's `String.compareTo`: UTF-16 code unit order (what `TreeSet<String>` sorts by). */
function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Checks resolved schemas; see `checkCompatibility` for inputs given as JSON. */
export function checkSchemas(reader: Schema, writer: Schema): PairResult {
  const checker = new ReaderWriterChecker();
  try {
    const incompatibilities = checker.checkFromRoot(reader, writer);
    return { compatible: incompatibilities.length === 0, incompatibilities: [...incompatibilities] };
  } catch (error) {
    if (error instanceof AmbiguousFieldMatch) {
      return { compatible: false, incompatibilities: [], error: error.detail };
    }
    throw error;
  }
}
