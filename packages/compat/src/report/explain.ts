import { type Field, isRecord, type RecordSchema } from '@charter/schema';
import { lookupWriterFields } from '../avro-names.js';
import { checkSchemas } from '../pair-checker.js';
import type { CompatibilityError, Incompatibility } from '../types.js';
import { describePath, shortName } from './describe-schema.js';

/** What the two schemas of a pair are called in a report, and which of them is the new one. */
export interface PairLabels {
  /** `the new schema`, `v1.2.0`, `reader.avsc`. */
  reader: string;
  writer: string;
  /** Which side is the schema being changed; hints then say what to do to it. */
  newSide?: 'reader' | 'writer';
}

export interface Explanation {
  /** What is wrong, in plain words. */
  text: string;
  /** How to fix it. */
  hint: string;
}

/** Writer fields no reader field reads (by name or alias) whose type the reader field could read. */
function renameCandidates(reader: RecordSchema, writer: RecordSchema, readerField: Field): string[] {
  const read = new Set<string>();
  for (const f of reader.fields) for (const hit of lookupWriterFields(writer, f)) read.add(hit.name);
  return writer.fields
    .filter((w) => !read.has(w.name) && checkSchemas(readerField.type, w.type).compatible)
    .map((w) => w.name);
}

/** True when the node the problem is at is a branch of a writer union (its location ends in an index). */
function atWriterBranch(inc: Incompatibility): boolean {
  return /\/\d+$/.test(inc.location);
}

const WIDENING = ['int', 'long', 'float', 'double'];

function missingField(inc: Incompatibility, l: PairLabels): Explanation {
  const name = inc.message;
  const field = `\`${[...inc.fieldPath].join('.') || name}\``;
  const reader = inc.reader as RecordSchema;
  const writer = inc.writer as RecordSchema;
  const readerField = isRecord(reader) ? reader.fields.find((f) => f.name === name) : undefined;
  const renames = readerField && isRecord(writer) ? renameCandidates(reader, writer, readerField) : [];
  const text = `field ${field} has no default in ${l.reader} and is missing in ${l.writer}`;
  if (l.newSide === 'writer') {
    const renamed =
      renames.length === 1 ? ` (it looks renamed to \`${renames[0]}\`; aliases do not help old readers)` : '';
    return {
      text: `${text}${renamed}`,
      hint: `keep writing \`${name}\`: consumers on ${l.reader} need it (it has no default there); to retire a field, give it a default in a release every consumer has upgraded to first`,
    };
  }
  const alias =
    renames.length > 0 ? `add alias \`${renames[0]}\` to \`${name}\` if it renames that field, or ` : '';
  return {
    text,
    hint: `${alias}give \`${name}\` a default (for example make it optional: a union with null, default null)`,
  };
}

function typeMismatch(inc: Incompatibility, l: PairLabels): Explanation {
  const where = describePath(inc.fieldPath);
  const r = shortName(inc.reader);
  const w = shortName(inc.writer);
  if (atWriterBranch(inc)) {
    const text = `${l.writer} may write ${w} into ${where}, which ${l.reader} reads as ${r}`;
    if (inc.writer.type === 'null') {
      return {
        text,
        hint:
          l.newSide === 'writer'
            ? `keep ${where} required: ${l.reader} cannot take null there`
            : `keep ${where} optional (a union with null) so values written as null can still be read`,
      };
    }
    return {
      text,
      hint: `make ${where} in ${l.reader} a union that also accepts ${w}, or stop writing ${w} there`,
    };
  }
  const text = `${where} is ${w} in ${l.writer} but ${r} in ${l.reader}, and Avro cannot read ${w} as ${r}`;
  const narrowing = WIDENING.indexOf(r) >= 0 && WIDENING.indexOf(w) > WIDENING.indexOf(r);
  const why = narrowing ? ' (Avro only widens int → long → float → double)' : '';
  return {
    text: `${text}${why}`,
    hint: `keep ${where} as ${w}; to change its type, add a new field with a default and retire the old one`,
  };
}

function missingBranch(inc: Incompatibility, l: PairLabels): Explanation {
  const where = describePath(inc.fieldPath);
  const w = shortName(inc.writer);
  const text = atWriterBranch(inc)
    ? `${l.writer} may write ${w} into ${where}, but the union in ${l.reader} has no branch that reads it`
    : `${where} is ${w} in ${l.writer}, but no branch of the union in ${l.reader} can read it`;
  const hint =
    l.newSide === 'writer'
      ? `do not write ${w} into ${where} yet: ${l.reader} cannot read it (add it to readers first)`
      : `add ${w} (back) to the union of ${where}`;
  return { text, hint };
}

function missingSymbols(inc: Incompatibility, l: PairLabels): Explanation {
  const symbols = inc.missingSymbols ?? [];
  const list = symbols.map((s) => `\`${s}\``).join(', ');
  const name = shortName(inc.reader);
  const plural = symbols.length === 1 ? 'symbol' : 'symbols';
  const text = `enum ${name} in ${l.reader} lacks ${plural} ${list} that ${l.writer} may write`;
  if (l.newSide === 'writer') {
    return {
      text,
      hint: `the enum in ${l.reader} has no default for unknown symbols: release an enum default first (for example UNKNOWN), then add ${list}`,
    };
  }
  return {
    text,
    hint: `add ${list} back to ${name}, or give ${name} a default symbol that unknown symbols are read as`,
  };
}

function nameMismatch(inc: Incompatibility, l: PairLabels): Explanation {
  const r = (inc.reader as { fullName: string }).fullName;
  const w = (inc.writer as { fullName: string }).fullName;
  const text = `the type is named \`${r}\` in ${l.reader} but \`${w}\` in ${l.writer}`;
  if (l.newSide === 'writer') {
    return {
      text,
      hint: `keep the name \`${simple(r)}\`: consumers on ${l.reader} match types by name, and aliases in the new schema do not help them`,
    };
  }
  return { text, hint: `add alias \`${w}\` to \`${r}\`` };
}

function simple(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

function fixedSize(inc: Incompatibility, l: PairLabels): Explanation {
  const r = inc.reader as { size: number; name: string };
  const w = inc.writer as { size: number };
  return {
    text: `fixed ${r.name} is ${w.size} bytes in ${l.writer} but ${r.size} in ${l.reader}`,
    hint: `keep size ${w.size}: a fixed size cannot change; use a new fixed type in a new field instead`,
  };
}

/** Plain words and a fix hint for one incompatibility. */
export function explainIncompatibility(inc: Incompatibility, labels: PairLabels): Explanation {
  switch (inc.type) {
    case 'READER_FIELD_MISSING_DEFAULT_VALUE':
      return missingField(inc, labels);
    case 'TYPE_MISMATCH':
      return typeMismatch(inc, labels);
    case 'MISSING_UNION_BRANCH':
      return missingBranch(inc, labels);
    case 'MISSING_ENUM_SYMBOLS':
      return missingSymbols(inc, labels);
    case 'NAME_MISMATCH':
      return nameMismatch(inc, labels);
    case 'FIXED_SIZE_MISMATCH':
      return fixedSize(inc, labels);
  }
}

/** Plain words for the case where Avro Java throws (a reader field matching several writer fields). */
export function explainError(error: CompatibilityError, labels: PairLabels): Explanation {
  const field = error.readerContext.field ?? '?';
  const others = error.writerFields.filter((f) => f !== field);
  return {
    text: `field \`${error.fieldPath.join('.') || field}\` of ${labels.reader} matches several fields of ${labels.writer} by name and aliases (${error.writerFields.map((f) => `\`${f}\``).join(', ')}); Avro and the registry reject this`,
    hint: `remove ${others.map((f) => `alias \`${f}\``).join(' and ') || 'the duplicate alias'} from \`${field}\``,
  };
}
