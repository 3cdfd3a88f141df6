import type { NamedDecl } from './ir.js';
import type { Loc } from './source.js';
import type { IdlSourceLocation, IdlSourceMap } from './types.js';

function location(loc: Loc): IdlSourceLocation {
  return { file: loc.source.path, range: loc.source.range(loc.start, loc.end) };
}

/** Locates declarations by full name: the name of a type, of one of its fields, or of an enum symbol. */
export function declarationSourceMap(decls: ReadonlyMap<string, NamedDecl>): IdlSourceMap {
  return {
    locate(target) {
      const decl = decls.get(target.type);
      if (!decl) return undefined;
      if (target.field !== undefined) {
        const field = decl.fields.find((f) => f.name === target.field);
        return field ? location(field.loc) : undefined;
      }
      if (target.symbol !== undefined) {
        const symbol = decl.symbols.find((s) => s.name === target.symbol);
        return symbol ? location(symbol.loc) : undefined;
      }
      return location(decl.loc);
    },
  };
}
