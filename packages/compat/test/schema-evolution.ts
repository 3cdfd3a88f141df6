/**
 * A seeded generator of schema evolutions for differential tests: a random schema and a mutated copy,
 * built only from features on which Avro 1.8.2, python3-avro 1.11.1 and Avro 1.11.3 agree in principle
 * (one namespace, no aliases, no enum defaults).
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRIMS = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];
const SYMBOLS = ['A', 'B', 'C', 'D', 'E'];

export class Evolution {
  private names = 0;
  constructor(private readonly random: () => number) {}

  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }

  type(depth: number): Json {
    const r = this.random();
    if (depth <= 0 || r < 0.45) return this.pick(PRIMS.slice(1));
    if (r < 0.55) return { type: 'enum', name: this.name('E'), symbols: SYMBOLS.slice(0, 2 + this.int(3)) };
    if (r < 0.6) return { type: 'fixed', name: this.name('F'), size: this.pick([4, 8, 16]) };
    if (r < 0.68) return { type: 'array', items: this.type(depth - 1) };
    if (r < 0.74) return { type: 'map', values: this.type(depth - 1) };
    if (r < 0.86) return ['null', this.nonNull(depth - 1)];
    if (r < 0.9) return ['int', 'string', ...(this.chance(0.5) ? ['long'] : [])];
    return this.record(depth - 1);
  }

  private nonNull(depth: number): Json {
    for (;;) {
      const t = this.type(depth);
      if (t !== 'null' && !Array.isArray(t)) return t;
    }
  }

  private name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  record(depth: number): Obj {
    const fields: Json[] = [];
    const count = 1 + this.int(4);
    for (let i = 0; i < count; i++) fields.push(this.field(`f${i}`, depth));
    return { type: 'record', name: this.name('R'), fields };
  }

  field(name: string, depth: number): Obj {
    const type = this.type(depth);
    const f: Obj = { name, type };
    const d = defaultFor(type);
    if (d !== undefined && this.chance(0.4)) f.default = d;
    return f;
  }

  /** A copy of `schema` with one to three random changes. */
  mutate(schema: Obj): Obj {
    const copy = structuredClone(schema) as Obj;
    const steps = 1 + this.int(3);
    for (let i = 0; i < steps; i++) this.mutateOnce(copy);
    return copy;
  }

  private mutateOnce(root: Obj): void {
    const records: Obj[] = [];
    const enums: Obj[] = [];
    const fixeds: Obj[] = [];
    const unions: Json[][] = [];
    const walk = (t: Json): void => {
      if (Array.isArray(t)) {
        unions.push(t);
        t.forEach(walk);
      } else if (t && typeof t === 'object') {
        const o = t as Obj;
        if (o.type === 'record') {
          records.push(o);
          for (const f of o.fields as Obj[]) walk(f.type as Json);
        } else if (o.type === 'enum') enums.push(o);
        else if (o.type === 'fixed') fixeds.push(o);
        else if (o.type === 'array') walk(o.items as Json);
        else if (o.type === 'map') walk(o.values as Json);
      }
    };
    walk(root);
    const record = this.pick(records);
    const fields = record.fields as Obj[];
    const kind = this.int(10);
    if (kind === 0) fields.push(this.field(`n${this.int(1000)}`, 1));
    else if (kind === 1 && fields.length > 1) fields.splice(this.int(fields.length), 1);
    else if (kind === 2 && fields.length > 0) {
      const f = this.pick(fields);
      f.type = this.pick(PRIMS.slice(1));
      delete f.default;
    } else if (kind === 3 && fields.length > 0) {
      const f = this.pick(fields);
      if (Array.isArray(f.type) && f.type[0] === 'null' && f.type.length === 2) {
        f.type = f.type[1]!;
        delete f.default;
      } else if (!Array.isArray(f.type) && f.type !== 'null') {
        f.type = ['null', f.type as Json];
        if (this.chance(0.5)) f.default = null;
        else delete f.default;
      }
    } else if (kind === 4 && fields.length > 0) {
      const f = this.pick(fields);
      const d = defaultFor(f.type as Json);
      if ('default' in f) delete f.default;
      else if (d !== undefined) f.default = d;
    } else if (kind === 5 && enums.length > 0) {
      const e = this.pick(enums);
      const symbols = e.symbols as string[];
      const unused = SYMBOLS.find((s) => !symbols.includes(s));
      if (this.chance(0.5) && unused) symbols.push(unused);
      else if (symbols.length > 1) symbols.splice(this.int(symbols.length), 1);
    } else if (kind === 6 && fixeds.length > 0) {
      this.pick(fixeds).size = this.pick([4, 8, 16]);
    } else if (kind === 7) {
      const named = [...records, ...enums, ...fixeds];
      const n = this.pick(named);
      n.name = `${n.name as string}X`;
    } else if (kind === 8 && unions.length > 0) {
      const u = this.pick(unions);
      const present = new Set(u.filter((b) => typeof b === 'string'));
      const missing = PRIMS.filter((p) => !present.has(p));
      if (this.chance(0.5) && missing.length > 0) u.push(this.pick(missing));
      else if (u.length > 2) u.splice(1 + this.int(u.length - 1), 1);
    } else if (fields.length > 0) {
      const f = this.pick(fields);
      const widen: Record<string, string> = {
        int: 'long',
        long: 'double',
        float: 'double',
        string: 'bytes',
        bytes: 'string',
      };
      if (typeof f.type === 'string' && widen[f.type]) {
        f.type = widen[f.type]!;
        delete f.default;
      }
    }
  }
}

function defaultFor(type: Json): Json | undefined {
  if (Array.isArray(type)) return type[0] === 'null' ? null : undefined;
  if (typeof type === 'string') {
    return (
      { boolean: false, int: 0, long: 0, float: 0, double: 0, bytes: '', string: '' } as Record<string, Json>
    )[type];
  }
  const o = type as Obj;
  if (o.type === 'enum') return (o.symbols as string[])[0]!;
  if (o.type === 'array') return [];
  if (o.type === 'map') return {};
  return undefined;
}

/**
 * True when the writer has a multi-branch union where the reader has a non-union, somewhere both
 * schemas line up: Avro 1.8.2 rejects those outright, Avro ≥ 1.11.3 checks each branch.
 */
export function writerUnionMeetsNonUnion(reader: Json, writer: Json): boolean {
  if (Array.isArray(writer)) {
    if (!Array.isArray(reader)) return writer.length > 1;
    return writer.some((w) => reader.some((r) => writerUnionMeetsNonUnion(r, w)));
  }
  if (Array.isArray(reader)) return reader.some((r) => writerUnionMeetsNonUnion(r, writer));
  if (!reader || !writer || typeof reader !== 'object' || typeof writer !== 'object') return false;
  const r = reader as Obj;
  const w = writer as Obj;
  if (r.type === 'array' && w.type === 'array')
    return writerUnionMeetsNonUnion(r.items as Json, w.items as Json);
  if (r.type === 'map' && w.type === 'map')
    return writerUnionMeetsNonUnion(r.values as Json, w.values as Json);
  if (r.type === 'record' && w.type === 'record') {
    const wf = new Map((w.fields as Obj[]).map((f) => [f.name, f.type as Json]));
    return (r.fields as Obj[]).some(
      (f) => wf.has(f.name as string) && writerUnionMeetsNonUnion(f.type as Json, wf.get(f.name as string)!),
    );
  }
  return false;
}
