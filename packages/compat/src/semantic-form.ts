import { isNamed, type LogicalType, type Schema, stringifyJson } from '@charter/schema';

function logical(t: LogicalType | undefined): string {
  if (!t) return '';
  return t.name === 'decimal'
    ? `,"logicalType":"decimal(${t.precision},${t.scale})"`
    : `,"logicalType":"${t.name}"`;
}

/**
 * What a schema means to readers beyond its Parsing Canonical Form: full names, structure, field
 * defaults, enum defaults and logical types. Docs, aliases, `order` and custom properties are left
 * out: a change confined to them is a patch.
 */
export function semanticForm(schema: Schema): string {
  const written = new Set<string>();
  const write = (s: Schema): string => {
    if (isNamed(s)) {
      const name = JSON.stringify(s.fullName);
      if (written.has(s.fullName)) return name;
      written.add(s.fullName);
      switch (s.type) {
        case 'record':
        case 'error': {
          const fields = s.fields.map((f) => {
            const def = f.default === undefined ? '' : `,"default":${stringifyJson(f.default)}`;
            return `{"name":${JSON.stringify(f.name)},"type":${write(f.type)}${def}}`;
          });
          return `{"name":${name},"type":"${s.type}","fields":[${fields.join(',')}]}`;
        }
        case 'enum': {
          const def = s.default === undefined ? '' : `,"default":${JSON.stringify(s.default)}`;
          return `{"name":${name},"type":"enum","symbols":${JSON.stringify(s.symbols)}${def}}`;
        }
        case 'fixed':
          return `{"name":${name},"type":"fixed","size":${s.size}${logical(s.logicalType)}}`;
      }
    }
    switch (s.type) {
      case 'union':
        return `[${s.branches.map(write).join(',')}]`;
      case 'array':
        return `{"type":"array","items":${write(s.items)}}`;
      case 'map':
        return `{"type":"map","values":${write(s.values)}}`;
      default:
        return s.logicalType ? `{"type":"${s.type}"${logical(s.logicalType)}}` : JSON.stringify(s.type);
    }
  };
  return write(schema);
}
