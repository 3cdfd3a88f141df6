import { Buffer } from 'node:buffer';
import type {
  ArraySchema,
  EnumSchema,
  MapSchema,
  NamedSchema,
  RecordSchema,
  Schema,
  UnionSchema,
} from '@charter/schema';
import type { BinaryReader } from '../binary/reader.js';
import { defaultToValue } from '../defaults.js';
import { DecodeError, ResolutionError } from '../errors.js';
import { type LogicalCodec, logicalCodec } from '../logical/codecs.js';
import { type CodecOptions, cloneValue, setProperty, unionShape } from '../representation.js';
import { matchBranch, sameKind } from './match.js';
import { lit, SourceBuilder } from './source.js';

export type DecodeFn = (r: BinaryReader) => unknown;

const utf8 = new TextDecoder('utf-8', { fatal: false });

const RUNTIME = {
  DecodeError,
  ResolutionError,
  cloneValue,
  setProperty,
  utf8Bytes: (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8')),
  utf8String: (b: Uint8Array): string => utf8.decode(b),
};

function join(path: string, part: string): string {
  return path ? `${path}.${part}` : part;
}

function sameLogical(w: Schema, r: Schema): boolean {
  if (w.type === 'union' || r.type === 'union') return false;
  const a = w.logicalType;
  const b = r.logicalType;
  if (!a || !b || a.name !== b.name) return false;
  if (a.name === 'decimal' && b.name === 'decimal' && (a.precision !== b.precision || a.scale !== b.scale))
    return false;
  return w.type !== 'fixed' || (r.type === 'fixed' && w.size === r.size);
}

/** Compiles a decoder that reads data written with `writer` into values of `reader`'s representation. */
class DecoderCompiler {
  private readonly src = new SourceBuilder();
  private readonly rt: string;
  private readonly pairs = new Map<Schema, Map<Schema, string>>();
  private readonly skips = new Map<Schema, string>();

  constructor(private readonly options: CodecOptions) {
    this.rt = this.src.constant(RUNTIME);
  }

  compile(writer: Schema, reader: Schema): DecodeFn {
    const expr = this.read(writer, reader, '');
    const entry = this.src.name('root');
    this.src.define(entry, 'r', `return ${expr};`);
    return this.src.build<DecodeFn>(entry);
  }

  /** An expression reading one value written as `w` and giving `r`'s representation. */
  read(w: Schema, r: Schema, path: string): string {
    if (w.type === 'union') return this.writerUnion(w, r, path);
    if (r.type === 'union') {
      const j = matchBranch(w, r, this.options);
      if (j < 0) {
        throw new ResolutionError(
          `no branch of the reader's union matches the writer's ${describe(w)}`,
          path,
        );
      }
      return this.wrap(r, j, this.read(w, r.branches[j]!, path));
    }
    const logical = logicalCodec(r);
    if (logical) return this.readLogical(w, r, logical, path);
    if (!sameKind(w, r)) return this.promote(w, r, path);
    switch (r.type) {
      case 'null':
        return 'null';
      case 'boolean':
        return 'r.readBoolean()';
      case 'int':
        return 'r.readInt()';
      case 'long':
        return this.options.longs === 'bigint' ? 'r.readBigLong()' : 'r.readLong()';
      case 'float':
        return 'r.readFloat()';
      case 'double':
        return 'r.readDouble()';
      case 'bytes':
        return 'r.readBytes()';
      case 'string':
        return 'r.readString()';
      case 'fixed': {
        const size = (w as { size: number }).size;
        if (size !== r.size)
          throw new ResolutionError(`fixed ${r.fullName} has size ${r.size}, the writer's ${size}`, path);
        return `r.readFixed(${size})`;
      }
      case 'enum':
        return `${this.enumFunction(w as EnumSchema, r, path)}(r)`;
      case 'record':
      case 'error':
        return `${this.recordFunction(w as RecordSchema, r, path)}(r)`;
      case 'array':
        return `${this.arrayFunction(w as ArraySchema, r, path)}(r)`;
      case 'map':
        return `${this.mapFunction(w as MapSchema, r, path)}(r)`;
    }
  }

  /** The writer's raw value of its underlying type (input to a logical type's `fromRaw`). */
  private raw(w: Schema): string | undefined {
    switch (w.type) {
      case 'int':
        return 'r.readInt()';
      case 'long':
        return 'r.readBigLong()';
      case 'bytes':
        return 'r.readBytes()';
      case 'string':
        return 'r.readString()';
      case 'fixed':
        return `r.readFixed(${w.size})`;
      default:
        return undefined;
    }
  }

  private readLogical(w: Schema, r: Schema, logical: LogicalCodec, path: string): string {
    if (sameLogical(w, r) && logical.direct) {
      const { read, args } = logical.direct;
      return `${this.src.constant(read)}(r, ${args.read.join(', ')})`;
    }
    const codec = this.src.constant(logical);
    if (sameLogical(w, r)) return `${codec}.read(r)`;
    const target = r.type === 'union' ? undefined : r.type;
    let raw: string | undefined;
    if (w.type === target) {
      if (w.type === 'fixed' && r.type === 'fixed' && w.size !== r.size)
        throw new ResolutionError(`fixed ${r.fullName} has size ${r.size}, the writer's ${w.size}`, path);
      raw = this.raw(w);
    } else if (target === 'long' && w.type === 'int') raw = 'r.readInt()';
    else if (target === 'bytes' && w.type === 'string') raw = `${this.rt}.utf8Bytes(r.readString())`;
    else if (target === 'string' && w.type === 'bytes') raw = `${this.rt}.utf8String(r.readBytes())`;
    if (raw === undefined)
      throw new ResolutionError(`cannot read a ${describe(w)} as ${logical.label}`, path);
    return `${codec}.fromRaw(${raw})`;
  }

  private promote(w: Schema, r: Schema, path: string): string {
    const big = this.options.longs === 'bigint';
    const key = `${w.type}>${r.type}`;
    switch (key) {
      case 'int>long':
        return big ? 'BigInt(r.readInt())' : 'r.readInt()';
      case 'int>float':
        return 'Math.fround(r.readInt())';
      case 'int>double':
        return 'r.readInt()';
      case 'long>float':
        return 'Math.fround(Number(r.readBigLong()))';
      case 'long>double':
        return 'Number(r.readBigLong())';
      case 'float>double':
        return 'r.readFloat()';
      case 'string>bytes':
        return `${this.rt}.utf8Bytes(r.readString())`;
      case 'bytes>string':
        return `${this.rt}.utf8String(r.readBytes())`;
    }
    throw new ResolutionError(`cannot read a ${describe(w)} as ${describe(r)}`, path);
  }

  private wrap(union: UnionSchema, j: number, expr: string): string {
    const shape = unionShape(union);
    if (shape.kind !== 'tagged') return expr;
    const branch = shape.branches.find((b) => b.index === j);
    if (!branch) return expr; // the null branch: `expr` is `null`
    return `{ type: ${lit(branch.key)}, value: ${expr} }`;
  }

  private writerUnion(w: UnionSchema, r: Schema, path: string): string {
    const exprs = w.branches.map((b) => {
      try {
        return this.read(b, r, path);
      } catch (error) {
        if (!(error instanceof ResolutionError)) throw error;
        // Avro fails only when such a value is actually read.
        return `${this.thrower(error)}()`;
      }
    });
    // two branches (`T | null` mostly): a conditional in the caller instead of a function call
    if (exprs.length === 2) return `(r.readUnionIndex(2) === 0 ? ${exprs[0]} : ${exprs[1]})`;
    const name = this.src.name('union');
    const cases = exprs.map((expr, i) => `case ${i}: return ${expr};`);
    this.src.define(
      name,
      'r',
      `const i = r.readLong();
switch (i) {
${cases.join('\n')}
}
throw new ${this.rt}.DecodeError('invalid union branch index ' + i);`,
    );
    return `${name}(r)`;
  }

  private thrower(error: ResolutionError): string {
    const value = this.src.constant(error);
    const name = this.src.name('fail');
    this.src.define(name, '', `throw ${value};`);
    return name;
  }

  private memo(w: Schema, r: Schema): string | undefined {
    return this.pairs.get(w)?.get(r);
  }

  private remember(w: Schema, r: Schema, name: string): void {
    let inner = this.pairs.get(w);
    if (!inner) {
      inner = new Map();
      this.pairs.set(w, inner);
    }
    inner.set(r, name);
  }

  private enumFunction(w: EnumSchema, r: EnumSchema, path: string): string {
    const known = this.memo(w, r);
    if (known) return known;
    const name = this.src.name('enum');
    this.remember(w, r, name);
    const symbols = w.symbols.map((s) => (r.symbols.includes(s) ? s : r.default));
    const table = this.src.constant(symbols);
    const names = this.src.constant(w.symbols);
    const where = lit(path || r.fullName);
    this.src.define(
      name,
      'r',
      `const i = r.readInt();
const s = ${table}[i];
if (s !== undefined) return s;
if (i < 0 || i >= ${w.symbols.length}) throw new ${this.rt}.DecodeError('invalid enum index ' + i + ' for ${r.fullName}');
throw new ${this.rt}.ResolutionError('symbol ' + ${names}[i] + ' is not in the reader\\'s ${r.fullName} and it has no default', ${where});`,
    );
    return name;
  }

  private defaultExpr(value: unknown): string {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string') return lit(value);
      if (typeof value === 'bigint') return `${value}n`;
      if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) return String(value);
      return this.src.constant(value);
    }
    return `${this.rt}.cloneValue(${this.src.constant(value)})`;
  }

  private recordFunction(w: RecordSchema, r: RecordSchema, path: string): string {
    const known = this.memo(w, r);
    if (known) return known;
    const name = this.src.name('rec');
    this.remember(w, r, name);
    const here = path || r.name;
    // reader field → writer field index, by name, then by the reader field's aliases
    const source = r.fields.map((rf) => {
      const exact = w.fields.findIndex((wf) => wf.name === rf.name);
      return exact >= 0 ? exact : w.fields.findIndex((wf) => rf.aliases.includes(wf.name));
    });
    const statements: string[] = [];
    w.fields.forEach((wf, i) => {
      const k = source.indexOf(i);
      if (k < 0) statements.push(this.skip(wf.type));
      else
        statements.push(
          `const f${k} = ${this.read(wf.type, r.fields[k]!.type, join(here, r.fields[k]!.name))};`,
        );
    });
    const props = r.fields.map((rf, k) => {
      const key = rf.name === '__proto__' ? '["__proto__"]' : rf.name;
      if (source[k]! >= 0) return `${key}: f${k}`;
      if (rf.default === undefined) {
        throw new ResolutionError(
          `the reader's field ${rf.name} has no default and the writer's ${w.fullName} does not have it`,
          join(here, rf.name),
        );
      }
      return `${key}: ${this.defaultExpr(defaultToValue(rf.type, rf.default, this.options))}`;
    });
    this.src.define(name, 'r', `${statements.join('\n')}\nreturn { ${props.join(', ')} };`);
    return name;
  }

  private blockLoop(itemMinSize: number, body: string): string {
    const guard =
      itemMinSize > 0
        ? `if (n > r.end - r.pos) throw r.truncated();`
        : `if (n > 10000000) throw new ${this.rt}.DecodeError('block of ' + n + ' items is too large');`;
    return `for (;;) {
  let n = r.readLong();
  if (n === 0) break;
  if (n < 0) { n = -n; r.readLong(); }
  ${guard}
  for (; n > 0; n--) {
    ${body}
  }
  if (r.pos > r.end) throw r.truncated();
}`;
  }

  private arrayFunction(w: ArraySchema, r: ArraySchema, path: string): string {
    const name = this.src.name('arr');
    const item = this.read(w.items, r.items, `${path}[]`);
    this.src.define(
      name,
      'r',
      `const out = [];\n${this.blockLoop(minSize(w.items), `out.push(${item});`)}\nreturn out;`,
    );
    return name;
  }

  private mapFunction(w: MapSchema, r: MapSchema, path: string): string {
    const name = this.src.name('map');
    const value = this.read(w.values, r.values, `${path}{}`);
    this.src.define(
      name,
      'r',
      `const out = {};
${this.blockLoop(
  1,
  `const key = r.readString();
    const value = ${value};
    if (key === '__proto__') ${this.rt}.setProperty(out, key, value); else out[key] = value;`,
)}
return out;`,
    );
    return name;
  }

  /** A statement skipping one value written as `w`. */
  skip(w: Schema): string {
    switch (w.type) {
      case 'null':
        return '';
      case 'boolean':
        return 'r.skip(1);';
      case 'int':
      case 'long':
      case 'enum':
        return 'r.skipVarint();';
      case 'float':
        return 'r.skip(4);';
      case 'double':
        return 'r.skip(8);';
      case 'bytes':
      case 'string':
        return 'r.skipBytes();';
      case 'fixed':
        return `r.skip(${w.size});`;
      default:
        return `${this.skipFunction(w)}(r);`;
    }
  }

  private skipFunction(w: RecordSchema | ArraySchema | MapSchema | UnionSchema): string {
    const known = this.skips.get(w);
    if (known) return known;
    const name = this.src.name('skip');
    this.skips.set(w, name);
    let body: string;
    switch (w.type) {
      case 'record':
      case 'error':
        body = w.fields.map((f) => this.skip(f.type)).join('\n');
        break;
      case 'array':
        body = `r.skipBlocks(${this.itemSkipper(this.skip(w.items))});`;
        break;
      case 'map':
        body = `r.skipBlocks(${this.itemSkipper(`r.skipBytes();\n${this.skip(w.values)}`)});`;
        break;
      case 'union':
        body = `const i = r.readLong();
switch (i) {
${w.branches.map((b, i) => `case ${i}: ${this.skip(b)} return;`).join('\n')}
}
throw new ${this.rt}.DecodeError('invalid union branch index ' + i);`;
        break;
    }
    this.src.define(name, 'r', body);
    return name;
  }

  private itemSkipper(statement: string): string {
    const name = this.src.name('item');
    this.src.define(name, 'r', statement);
    return name;
  }
}

/** Fewest bytes one value of the schema takes (0 when it may take none). */
function minSize(schema: Schema, seen = new Set<NamedSchema>()): number {
  switch (schema.type) {
    case 'null':
      return 0;
    case 'float':
      return 4;
    case 'double':
      return 8;
    case 'fixed':
      return schema.size;
    case 'record':
    case 'error': {
      if (seen.has(schema)) return 0;
      seen.add(schema);
      return schema.fields.reduce((sum, f) => sum + minSize(f.type, seen), 0);
    }
    default:
      return 1;
  }
}

function describe(schema: Schema): string {
  if (schema.type === 'union') return 'union';
  if ('fullName' in schema) return `${schema.type} ${schema.fullName}`;
  return schema.logicalType ? `${schema.type} (${schema.logicalType.name})` : schema.type;
}

/** Compiles a decoder; `writer === reader` gives the plain decoder of a schema. */
export function compileDecoder(writer: Schema, reader: Schema, options: CodecOptions = {}): DecodeFn {
  return new DecoderCompiler(options).compile(writer, reader);
}
