import {
  type EnumSchema,
  type Field,
  type FixedSchema,
  isNamed,
  type NamedSchema,
  namedTypesOf,
  type Properties,
  type RecordSchema,
  type Schema,
  stringifyJson,
} from '@charter/schema';
import { defaultWords, docWords, typeWords } from './type-words.js';

export type SchemaChangeKind =
  | 'type-added'
  | 'type-renamed'
  | 'type-doc'
  | 'type-aliases'
  | 'type-props'
  | 'field-added'
  | 'field-removed'
  | 'field-renamed'
  | 'field-type'
  | 'field-default'
  | 'field-doc'
  | 'field-aliases'
  | 'field-order'
  | 'field-props'
  | 'symbols-added'
  | 'symbols-removed'
  | 'symbols-reordered'
  | 'enum-default'
  | 'fixed-size'
  | 'fixed-logical-type';

/** One change between two versions of a schema, in plain words (Markdown). */
export interface SchemaChange {
  kind: SchemaChangeKind;
  /** The type or field concerned: `OrderPlaced`, `OrderPlaced.couponCode`. */
  path: string;
  text: string;
}

const isRecordLike = (s: NamedSchema): s is RecordSchema => s.type === 'record' || s.type === 'error';
const sameKind = (a: NamedSchema, b: NamedSchema) =>
  a.type === b.type || (isRecordLike(a) && isRecordLike(b));
const kindWord = (s: NamedSchema) => (s.type === 'error' ? 'error' : s.type);
const code = (text: string) => `\`${text}\``;
const codes = (items: readonly string[]) => items.map(code).join(', ');
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Custom properties, without the ones a logical type or decimal consists of. */
function propsKey(props: Properties): string {
  const skip = new Set(['logicalType', 'precision', 'scale']);
  return JSON.stringify(
    [...props.entries()]
      .filter(([k]) => !skip.has(k))
      .map(([k, v]) => [k, stringifyJson(v)])
      .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)),
  );
}

/** Pairs each named type of `after` with its previous version in `before`: same name, an alias, or a moved namespace. */
function pairTypes(before: NamedSchema[], after: NamedSchema[]): Map<NamedSchema, NamedSchema> {
  const byName = new Map(before.map((t) => [t.fullName, t]));
  const afterNames = new Set(after.map((t) => t.fullName));
  const used = new Set<NamedSchema>();
  const pairs = new Map<NamedSchema, NamedSchema>();
  const free = (b: NamedSchema | undefined, t: NamedSchema) =>
    b !== undefined && !used.has(b) && sameKind(b, t) ? b : undefined;
  for (const t of after) {
    let b = free(byName.get(t.fullName), t);
    if (!b) {
      for (const alias of t.aliases) {
        const candidate = byName.get(alias);
        b = candidate && !afterNames.has(candidate.fullName) ? free(candidate, t) : undefined;
        if (b) break;
      }
    }
    if (!b) {
      const moved = before.filter((x) => x.name === t.name && !afterNames.has(x.fullName) && free(x, t));
      if (moved.length === 1) b = moved[0];
    }
    if (b) {
      used.add(b);
      pairs.set(t, b);
    }
  }
  return pairs;
}

/**
 * What changed between two versions of an event schema, in plain words: fields added and removed (with
 * their types and defaults), type, default, doc and alias changes, enum symbols, fixed sizes, renamed
 * and new named types. Changes are listed in the order the new schema declares what they concern.
 */
export function schemaChanges(before: Schema, after: Schema): SchemaChange[] {
  const afterTypes = namedTypesOf(after);
  const pairs = pairTypes(namedTypesOf(before), afterTypes);
  const renamed = new Map<string, string>();
  for (const [t, b] of pairs) if (b.fullName !== t.fullName) renamed.set(b.fullName, t.fullName);

  // A type's identity for "did this field's type change": named types by (renamed) full name.
  const key = (s: Schema, side: 'before' | 'after'): string => {
    if (isNamed(s)) return side === 'before' ? (renamed.get(s.fullName) ?? s.fullName) : s.fullName;
    switch (s.type) {
      case 'union':
        return `[${s.branches.map((b) => key(b, side)).join(',')}]`;
      case 'array':
        return `array<${key(s.items, side)}>`;
      case 'map':
        return `map<${key(s.values, side)}>`;
      default:
        return s.logicalType ? `${s.type}:${JSON.stringify(s.logicalType)}` : s.type;
    }
  };

  const out: SchemaChange[] = [];
  const add = (kind: SchemaChangeKind, path: string, text: string) => out.push({ kind, path, text });

  for (const t of afterTypes) {
    const b = pairs.get(t);
    if (!b) {
      if (t !== after) add('type-added', t.name, newType(t));
      continue;
    }
    const label = `${kindWord(t)} ${code(t.name)}`;
    if (b.fullName !== t.fullName) {
      const kept = t.aliases.includes(b.fullName) ? ' (the old name is kept as an alias)' : '';
      add(
        'type-renamed',
        t.name,
        `Renamed ${kindWord(t)} ${code(b.fullName)} to ${code(t.fullName)}${kept}.`,
      );
    }
    docChange(add, 'type-doc', t.name, label, b.doc, t.doc);
    const aliases = t.aliases.filter((a) => !b.aliases.includes(a) && a !== b.fullName);
    if (aliases.length > 0)
      add(
        'type-aliases',
        t.name,
        `Added ${plural(aliases.length, 'alias', 'aliases')} ${codes(aliases)} to ${label}.`,
      );
    if (propsKey(b.props) !== propsKey(t.props))
      add('type-props', t.name, `Changed the custom properties of ${label}.`);
    if (isRecordLike(t) && isRecordLike(b)) recordChanges(add, b, t, key);
    else if (t.type === 'enum' && b.type === 'enum') enumChanges(add, b, t);
    else if (t.type === 'fixed' && b.type === 'fixed') fixedChanges(add, b, t);
  }
  return out;
}

type Add = (kind: SchemaChangeKind, path: string, text: string) => void;

function docChange(
  add: Add,
  kind: 'type-doc' | 'field-doc',
  path: string,
  label: string,
  before: string | undefined,
  after: string | undefined,
): void {
  const was = docWords(before);
  const now = docWords(after);
  if (was === now) return;
  if (now === undefined) add(kind, path, `Removed the doc of ${label}.`);
  else if (was === undefined) add(kind, path, `Documented ${label}: ${now}`);
  else add(kind, path, `Changed the doc of ${label}: ${now}`);
}

function fieldShape(f: Field): string {
  return f.default === undefined
    ? `${typeWords(f.type)}, no default`
    : `${typeWords(f.type)}, default ${defaultWords(f.default)}`;
}

function newType(t: NamedSchema): string {
  const doc = docWords(t.doc);
  const tail = doc ? ` ${doc}` : '';
  if (isRecordLike(t)) {
    const fields = t.fields.map((f) => `${code(f.name)} (${typeWords(f.type)})`).join(', ');
    return `New ${kindWord(t)} ${code(t.fullName)} with ${plural(t.fields.length, 'field', 'fields')} ${fields}.${tail}`;
  }
  if (t.type === 'enum') return `New enum ${code(t.fullName)}: ${codes(t.symbols)}.${tail}`;
  return `New fixed ${code(t.fullName)} of ${t.size} bytes.${tail}`;
}

function recordChanges(
  add: Add,
  b: RecordSchema,
  t: RecordSchema,
  key: (s: Schema, side: 'before' | 'after') => string,
): void {
  const afterNames = new Set(t.fields.map((f) => f.name));
  const matched = new Set<Field>();
  for (const f of t.fields) {
    const path = `${t.name}.${f.name}`;
    const label = code(path);
    let bf = b.fields.find((x) => x.name === f.name);
    if (!bf) {
      bf = b.fields.find((x) => f.aliases.includes(x.name) && !afterNames.has(x.name) && !matched.has(x));
      if (bf) {
        add(
          'field-renamed',
          path,
          `Renamed field ${code(`${t.name}.${bf.name}`)} to ${code(f.name)} (the old name is kept as an alias).`,
        );
      }
    }
    if (!bf) {
      const doc = docWords(f.doc);
      const what = f.default === undefined ? 'required field' : 'field';
      add('field-added', path, `Added ${what} ${label}: ${fieldShape(f)}.${doc ? ` ${doc}` : ''}`);
      continue;
    }
    matched.add(bf);
    if (key(bf.type, 'before') !== key(f.type, 'after'))
      add(
        'field-type',
        path,
        `Changed the type of ${label} from ${typeWords(bf.type)} to ${typeWords(f.type)}.`,
      );
    const was = bf.default === undefined ? undefined : stringifyJson(bf.default);
    const now = f.default === undefined ? undefined : stringifyJson(f.default);
    if (was !== now) {
      if (now === undefined)
        add('field-default', path, `${label} no longer has a default (it was ${defaultWords(bf.default!)}).`);
      else if (was === undefined)
        add('field-default', path, `${label} now defaults to ${defaultWords(f.default!)}.`);
      else
        add(
          'field-default',
          path,
          `Changed the default of ${label} from ${defaultWords(bf.default!)} to ${defaultWords(f.default!)}.`,
        );
    }
    docChange(add, 'field-doc', path, label, bf.doc, f.doc);
    const aliases = f.aliases.filter((a) => !bf.aliases.includes(a) && a !== bf.name);
    if (aliases.length > 0)
      add(
        'field-aliases',
        path,
        `Added ${plural(aliases.length, 'alias', 'aliases')} ${codes(aliases)} to ${label}.`,
      );
    if (bf.order !== f.order)
      add('field-order', path, `Changed the sort order of ${label} from ${bf.order} to ${f.order}.`);
    if (propsKey(bf.props) !== propsKey(f.props))
      add('field-props', path, `Changed the custom properties of ${label}.`);
  }
  for (const bf of b.fields) {
    if (matched.has(bf)) continue;
    const path = `${t.name}.${bf.name}`;
    add('field-removed', path, `Removed field ${code(path)} (${fieldShape(bf)}).`);
  }
}

function enumChanges(add: Add, b: EnumSchema, t: EnumSchema): void {
  const label = `enum ${code(t.name)}`;
  const added = t.symbols.filter((s) => !b.symbols.includes(s));
  const removed = b.symbols.filter((s) => !t.symbols.includes(s));
  if (added.length > 0)
    add(
      'symbols-added',
      t.name,
      `Added ${plural(added.length, 'symbol', 'symbols')} ${codes(added)} to ${label}.`,
    );
  if (removed.length > 0)
    add(
      'symbols-removed',
      t.name,
      `Removed ${plural(removed.length, 'symbol', 'symbols')} ${codes(removed)} from ${label}.`,
    );
  const kept = t.symbols.filter((s) => b.symbols.includes(s));
  if (kept.join() !== b.symbols.filter((s) => t.symbols.includes(s)).join())
    add('symbols-reordered', t.name, `Reordered the symbols of ${label}.`);
  if (b.default !== t.default) {
    if (t.default === undefined)
      add(
        'enum-default',
        t.name,
        `Enum ${code(t.name)} no longer has a default symbol (it was ${code(b.default!)}).`,
      );
    else if (b.default === undefined)
      add('enum-default', t.name, `Enum ${code(t.name)} now reads unknown symbols as ${code(t.default)}.`);
    else
      add(
        'enum-default',
        t.name,
        `Changed the default symbol of ${label} from ${code(b.default)} to ${code(t.default)}.`,
      );
  }
}

function fixedChanges(add: Add, b: FixedSchema, t: FixedSchema): void {
  if (b.size !== t.size)
    add('fixed-size', t.name, `Changed the size of fixed ${code(t.name)} from ${b.size} to ${t.size} bytes.`);
  const was = b.logicalType ? JSON.stringify(b.logicalType) : '';
  const now = t.logicalType ? JSON.stringify(t.logicalType) : '';
  if (was !== now) add('fixed-logical-type', t.name, `Changed the logical type of fixed ${code(t.name)}.`);
}
