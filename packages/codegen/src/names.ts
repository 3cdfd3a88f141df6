import type { NamedSchema } from '@charter/schema';

/** Words a generated type may not be called: JS/TS reserved words and the globals the module uses. */
const RESERVED = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
  ...'any unknown never string number boolean bigint symbol object undefined type'.split(' '),
  ...'Array Record Date Uint8Array Object String Number Boolean Symbol BigInt Error Map Set Promise Function Partial Readonly Omit Pick'.split(
    ' ',
  ),
  ...'EventContract defineContract Duration'.split(' '),
]);

function pascal(segment: string): string {
  return segment.charAt(0).toUpperCase() + segment.slice(1);
}

/**
 * TypeScript names of the named types: the simple name where it is unique and allowed, else prefixed
 * with namespace segments (`com.acme.warehouse.Address` → `WarehouseAddress`) until it is.
 */
export class TypeNames {
  private readonly names = new Map<NamedSchema, string>();
  private readonly taken = new Set<string>();

  constructor(types: readonly NamedSchema[]) {
    const bySimple = new Map<string, NamedSchema[]>();
    for (const t of types) bySimple.set(t.name, [...(bySimple.get(t.name) ?? []), t]);
    // The first type (the event) gets the first pick of its name.
    for (const t of types) {
      const group = bySimple.get(t.name)!;
      const clash = group.length > 1 && group[0] !== t;
      this.assign(t, clash || RESERVED.has(t.name) ? undefined : t.name);
    }
  }

  private assign(type: NamedSchema, preferred: string | undefined): void {
    const segments = type.namespace ? type.namespace.split('.') : [];
    const candidates = preferred ? [preferred] : [];
    for (let k = 1; k <= segments.length; k++) {
      candidates.push(segments.slice(-k).map(pascal).join('') + pascal(type.name));
    }
    candidates.push(`${pascal(type.name)}_`);
    let name = candidates.find((c) => !this.taken.has(c) && !RESERVED.has(c)) ?? candidates.at(-1)!;
    while (this.taken.has(name)) name = `${name}_`;
    this.taken.add(name);
    this.names.set(type, name);
  }

  of(type: NamedSchema): string {
    const name = this.names.get(type);
    if (!name) throw new Error(`no TypeScript name for ${type.fullName}`);
    return name;
  }

  /** A further identifier (`OrderPlacedInit`) that collides with nothing generated so far. */
  derived(base: string): string {
    let name = base;
    while (this.taken.has(name) || RESERVED.has(name)) name = `${name}_`;
    this.taken.add(name);
    return name;
  }
}
