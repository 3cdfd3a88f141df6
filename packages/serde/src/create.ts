import type { Field, Schema } from '@charter/schema';
import { defaultToValue } from './defaults.js';
import { type CodecOptions, cloneValue, fieldOf, setProperty, unionShape } from './representation.js';

const templates = new WeakMap<Field, { value: unknown }>();

function fieldDefault(field: Field, options: CodecOptions): unknown {
  let template = templates.get(field);
  if (!template) {
    template = { value: defaultToValue(field.type, field.default!, options) };
    templates.set(field, template);
  }
  return cloneValue(template.value);
}

/**
 * Fills in field defaults, at every depth: records get their missing (or `undefined`) fields from the
 * schema's defaults. Other values are copied through as given; the caller validates the result.
 */
export function applyDefaults(schema: Schema, init: unknown, options: CodecOptions = {}): unknown {
  switch (schema.type) {
    case 'record':
    case 'error': {
      if (typeof init !== 'object' || init === null || Array.isArray(init)) return init;
      const out: Record<string, unknown> = {};
      for (const field of schema.fields) {
        const given = fieldOf(init, field.name);
        if (given !== undefined) setProperty(out, field.name, applyDefaults(field.type, given, options));
        else if (field.default !== undefined) setProperty(out, field.name, fieldDefault(field, options));
      }
      return out;
    }
    case 'array':
      return Array.isArray(init) ? init.map((item) => applyDefaults(schema.items, item, options)) : init;
    case 'map': {
      if (typeof init !== 'object' || init === null || Array.isArray(init)) return init;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(init))
        setProperty(out, k, applyDefaults(schema.values, v, options));
      return out;
    }
    case 'union': {
      const shape = unionShape(schema);
      if (shape.kind === 'single') return applyDefaults(shape.schema, init, options);
      if (init === null) return init;
      if (shape.kind === 'nullable') return applyDefaults(shape.schema, init, options);
      const tagged = init as { type?: unknown; value?: unknown };
      const branch = shape.branches.find((b) => b.key === tagged.type);
      return branch ? { type: branch.key, value: applyDefaults(branch.schema, tagged.value, options) } : init;
    }
    default:
      return init;
  }
}
