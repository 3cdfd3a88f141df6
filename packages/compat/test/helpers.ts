import { checkCompatibility } from '@charter/compat';

/** A record schema named `name` (default `R`) with the given fields. */
export function record(
  fields: unknown[],
  name = 'R',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { type: 'record', name, fields, ...extra };
}

export function field(
  name: string,
  type: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { name, type, ...extra };
}

/** The incompatibilities of a pair as `TYPE location message` lines, for compact assertions. */
export function problems(reader: unknown, writer: unknown): string[] {
  return checkCompatibility(reader, writer).incompatibilities.map(
    (i) => `${i.type} ${i.location} ${i.message}`,
  );
}

export function compatible(reader: unknown, writer: unknown): boolean {
  return checkCompatibility(reader, writer).compatible;
}
