export type Severity = 'error' | 'warning' | 'info';

/** A place in a source text. `line` and `column` are 1-based; `column` counts UTF-16 code units. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One finding of any stage (IDL, schema, config, compatibility, registry), with a stable code. */
export interface Diagnostic {
  /** Stable code, prefixed by stage: `IDL012`, `SCH003`, `CFG001`, ... */
  code: string;
  severity: Severity;
  message: string;
  /** Path of the file the range refers to, as the user gave it. */
  file?: string;
  range?: Range;
  /** JSON pointer of the offending node when the input was JSON (`/fields/2/type`). */
  path?: string;
  /** A suggestion for how to fix it, in plain words. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Thrown at API boundaries that cannot return diagnostics; carries all of them. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    super(first ? `${first.code}: ${first.message}` : 'unknown error');
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}
