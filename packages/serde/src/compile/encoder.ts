import type { EnumSchema, NamedSchema, RecordSchema, Schema, UnionSchema } from '@charter/schema';
import type { BinaryWriter } from '../binary/writer.js';
import { EncodeTypeError } from '../errors.js';
import { logicalCodec } from '../logical/codecs.js';
import { type CodecOptions, fieldOf, unionShape } from '../representation.js';
import { lit, SourceBuilder } from './source.js';

export type EncodeFn = (w: BinaryWriter, value: unknown) => void;

class EncoderCompiler {
  private readonly src = new SourceBuilder();
  private readonly named = new Map<NamedSchema, string>();
  private readonly err: string;

  constructor(private readonly options: CodecOptions) {
    this.err = this.src.constant(EncodeTypeError);
  }

  compile(schema: Schema): EncodeFn {
    const entry = this.src.name('root');
    this.src.define(entry, 'w, v', this.write(schema, 'v'));
    return this.src.build<EncodeFn>(entry);
  }

  /** A statement writing the value of expression `v` (evaluated once). */
  write(schema: Schema, v: string): string {
    const logical = logicalCodec(schema);
    if (logical?.direct) {
      const { write, args } = logical.direct;
      return `${this.src.constant(write)}(w, ${v}, ${args.write.join(', ')});`;
    }
    if (logical) return `${this.src.constant(logical)}.write(w, ${v});`;
    switch (schema.type) {
      case 'null':
        return `w.writeNull(${v});`;
      case 'boolean':
        return `w.writeBoolean(${v});`;
      case 'int':
        return `w.writeInt(${v});`;
      case 'long':
        return this.options.longs === 'bigint' ? `w.writeBigLong(${v});` : `w.writeLong(${v});`;
      case 'float':
        return `w.writeFloat(${v});`;
      case 'double':
        return `w.writeDouble(${v});`;
      case 'bytes':
        return `w.writeBytes(${v});`;
      case 'string':
        return `w.writeString(${v});`;
      case 'fixed':
        return `w.writeFixed(${v}, ${schema.size});`;
      case 'enum':
      case 'record':
      case 'error':
        return `${this.namedFunction(schema)}(w, ${v});`;
      case 'array':
        return `${this.arrayFunction(schema.items)}(w, ${v});`;
      case 'map':
        return `${this.mapFunction(schema.values)}(w, ${v});`;
      case 'union':
        return this.union(schema, v);
    }
  }

  private namedFunction(schema: EnumSchema | RecordSchema): string {
    const known = this.named.get(schema);
    if (known) return known;
    const name = this.src.name(schema.type === 'enum' ? 'enum' : 'rec');
    this.named.set(schema, name);
    if (schema.type === 'enum') {
      const index: Record<string, number> = Object.create(null);
      schema.symbols.forEach((s, i) => {
        index[s] = i;
      });
      const map = this.src.constant(index);
      this.src.define(
        name,
        'w, v',
        `const i = typeof v === 'string' ? ${map}[v] : undefined;
if (i === undefined) throw new ${this.err}();
w.writeVarint32(i * 2);`,
      );
    } else {
      const body = schema.fields.map((f, i) => {
        const read = f.name === '__proto__' ? `${this.src.constant(fieldOf)}(v, '__proto__')` : `v.${f.name}`;
        return `const f${i} = ${read};\n${this.write(f.type, `f${i}`)}`;
      });
      this.src.define(
        name,
        'w, v',
        `if (typeof v !== 'object' || v === null) throw new ${this.err}();\n${body.join('\n')}`,
      );
    }
    return name;
  }

  private arrayFunction(items: Schema): string {
    const name = this.src.name('arr');
    this.src.define(
      name,
      'w, v',
      `if (!Array.isArray(v)) throw new ${this.err}();
const n = v.length;
if (n > 0) {
  w.writeVarint32Long(n);
  for (let i = 0; i < n; i++) {
    const item = v[i];
    ${this.write(items, 'item')}
  }
}
w.writeVarint32(0);`,
    );
    return name;
  }

  private mapFunction(values: Schema): string {
    const name = this.src.name('map');
    const hasOwn = this.src.constant(Object.prototype.hasOwnProperty);
    // for-in with a hasOwnProperty check is what V8 optimises best (no key array, no keyed look-up); the
    // prototype check makes it visit the same keys as Object.keys, in the same order
    this.src.define(
      name,
      'w, v',
      `if (typeof v !== 'object' || v === null) throw new ${this.err}();
const proto = Object.getPrototypeOf(v);
if (proto !== Object.prototype && proto !== null) throw new ${this.err}();
const mark = w.beginBlock();
let n = 0;
for (const key in v) {
  if (!${hasOwn}.call(v, key)) continue;
  n++;
  w.writeString(key);
  const item = v[key];
  ${this.write(values, 'item')}
}
w.endBlock(mark, n);`,
    );
    return name;
  }

  private union(schema: UnionSchema, v: string): string {
    const shape = unionShape(schema);
    switch (shape.kind) {
      case 'single':
        return `w.writeVarint32(0);\n${this.write(shape.schema, v)}`;
      case 'nullable':
        return `if (${v} === null) w.writeVarint32(${shape.nullIndex * 2});
else {
  w.writeVarint32(${shape.valueIndex * 2});
  ${this.write(shape.schema, v)}
}`;
      case 'tagged': {
        const name = this.src.name('union');
        const cases = shape.branches.map(
          (b) => `case ${lit(b.key)}: {
  w.writeVarint32(${b.index * 2});
  const value = v.value;
  ${this.write(b.schema, 'value')}
  return;
}`,
        );
        const onNull =
          shape.nullIndex === undefined
            ? ''
            : `if (v === null) { w.writeVarint32(${shape.nullIndex * 2}); return; }\n`;
        this.src.define(
          name,
          'w, v',
          `${onNull}if (typeof v !== 'object' || v === null) throw new ${this.err}();
switch (v.type) {
${cases.join('\n')}
}
throw new ${this.err}();`,
        );
        return `${name}(w, ${v});`;
      }
    }
  }
}

/** Compiles a schema into a function that writes a represented value as Avro binary. */
export function compileEncoder(schema: Schema, options: CodecOptions = {}): EncodeFn {
  return new EncoderCompiler(options).compile(schema);
}
