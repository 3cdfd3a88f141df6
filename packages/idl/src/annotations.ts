import {
  ENUM_RESERVED,
  FIELD_RESERVED,
  type FieldOrder,
  type JsonValue,
  SCHEMA_RESERVED,
} from '@charter/schema';
import { IdlCode } from './codes.js';
import { EMPTY_PROPS, type Props } from './ir.js';
import type { Loc, Reporter } from './source.js';

/** `@name(value)` as written. */
export interface Annotation {
  name: string;
  value: JsonValue;
  nameLoc: Loc;
  valueLoc: Loc;
}

/** Attributes a property may not set, per target (Avro's *_RESERVED sets; the schema ones from @charter/schema). */
export const RESERVED = {
  schema: SCHEMA_RESERVED,
  enum: ENUM_RESERVED,
  field: FIELD_RESERVED,
  protocol: new Set(['namespace', 'protocol', 'doc', 'messages', 'types', 'errors']),
  message: new Set(['doc', 'response', 'request', 'errors', 'one-way']),
} as const;

export interface ApplyOptions {
  /** `@namespace` is the namespace (protocol, named types). */
  namespace?: boolean;
  /** `@aliases` are the aliases (named types, field variables). */
  aliases?: boolean;
  /** `@order` is the sort order (field variables). */
  order?: boolean;
  reserved: ReadonlySet<string>;
}

export interface AppliedAnnotations {
  props: Props;
  namespace?: string;
  aliases?: string[];
  order?: FieldOrder;
}

const NONE: AppliedAnnotations = Object.freeze({ props: EMPTY_PROPS });

const ORDERS: Record<string, FieldOrder> = {
  ASCENDING: 'ascending',
  DESCENDING: 'descending',
  IGNORE: 'ignore',
};

/**
 * Splits annotations into the special ones of the target and plain properties, with IdlReader's checks:
 * `@namespace` must be a string, `@aliases` an array of strings, `@order` one of three words (any case),
 * and no property may set a reserved attribute.
 */
export function applyAnnotations(
  annotations: readonly Annotation[],
  options: ApplyOptions,
  reporter: Reporter,
): AppliedAnnotations {
  if (annotations.length === 0) return NONE;
  const out: AppliedAnnotations = { props: new Map() };
  for (const a of annotations) {
    const { name, value } = a;
    if (options.namespace && name === 'namespace') {
      if (typeof value === 'string') out.namespace = value;
      else
        reporter.error(
          IdlCode.InvalidNamespaceAnnotation,
          '@namespace(...) must contain a string',
          a.valueLoc,
        );
    } else if (options.aliases && name === 'aliases') {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        out.aliases = [...new Set(value as string[])];
      } else {
        reporter.error(
          IdlCode.InvalidAliasesAnnotation,
          '@aliases(...) must contain an array of strings',
          a.valueLoc,
        );
      }
    } else if (options.order && name === 'order') {
      const order = typeof value === 'string' ? ORDERS[value.toUpperCase()] : undefined;
      if (order) out.order = order;
      else {
        reporter.error(
          IdlCode.InvalidOrderAnnotation,
          '@order(...) must contain "ASCENDING", "DESCENDING" or "IGNORE"',
          a.valueLoc,
        );
      }
    } else if (options.reserved.has(name)) {
      reporter.error(
        IdlCode.ReservedProperty,
        `@${name}(...) cannot be set by an annotation: "${name}" is a reserved attribute here`,
        a.nameLoc,
      );
    } else {
      out.props.set(name, value);
    }
  }
  return out;
}
