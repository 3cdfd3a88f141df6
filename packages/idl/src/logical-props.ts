import { checkLogicalType, type JsonValue, jsonEquals, type PrimitiveTypeName } from '@charter/schema';
import { IdlCode } from './codes.js';
import type { Props } from './ir.js';
import type { Loc, Reporter } from './source.js';

/** Avro's `JsonProperties.addProp`: a property may be set again only to an equal value. */
export function setProp(props: Props, name: string, value: JsonValue, loc: Loc, reporter: Reporter): void {
  const old = props.get(name);
  if (old === undefined) props.set(name, value);
  else if (!jsonEquals(old, value)) {
    reporter.error(
      IdlCode.PropertyOverwrite,
      `@${name}(...) conflicts with the type's own "${name}"`,
      loc,
      'a logical type keyword such as date or decimal(p,s) already sets logicalType and its parameters',
    );
  }
}

/**
 * What IdlReader does after copying annotations onto a schema: a valid logical type is added to the
 * schema again (`LogicalType.addToSchema`), which writes a decimal's missing `scale` as 0. An invalid one
 * is ignored by Avro, and reported here as a warning.
 */
export function normalizeLogicalProps(
  type: PrimitiveTypeName | 'fixed',
  props: Props,
  size: number | undefined,
  reporter: Reporter,
  loc: Loc,
): void {
  if (!props.has('logicalType')) return;
  const check = checkLogicalType(type, props, size);
  if (check.logicalType?.name === 'decimal' && !props.has('scale')) props.set('scale', 0);
  if (check.problem) {
    reporter.warning(IdlCode.IgnoredLogicalType, `logical type ignored: ${check.problem}`, loc);
  }
}
