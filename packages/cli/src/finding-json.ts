import type { Finding } from '@charter/compat';

/** A compatibility finding as the commands print it in JSON (`compat --json`, `check --format json`). */
export function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    code: f.code,
    who: f.who,
    type: f.type,
    location: f.location,
    fieldPath: f.fieldPath,
    message: f.message,
    text: f.text,
    hint: f.hint,
    direction: f.direction,
  };
  if (f.source)
    Object.assign(out, {
      file: f.source.file,
      line: f.source.range.start.line,
      column: f.source.range.start.column,
    });
  return out;
}
