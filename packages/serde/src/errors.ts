/** A value that does not match the schema: where it is (`lines[2].price`) and what was expected. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Thrown inside the encoder when a value cannot be written; the codec turns it into an `EncodeError`. */
export class EncodeTypeError extends Error {
  constructor(message = 'value does not match its schema') {
    super(message);
    this.name = 'EncodeTypeError';
  }
}

/** A value does not match its schema; `issues` lists every bad value with its path. */
export class InvalidValueError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(action: string, typeName: string, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const where = first ? ` at ${first.path || '(root)'}: ${first.message}` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`cannot ${action} ${typeName}${where}${more}`);
    this.name = 'InvalidValueError';
    this.issues = issues;
  }
}

/** A value could not be encoded. */
export class EncodeError extends InvalidValueError {
  constructor(typeName: string, issues: readonly ValidationIssue[]) {
    super('encode', typeName, issues);
    this.name = 'EncodeError';
  }
}

/** Bytes that are not a valid encoding under the writer's schema (truncated, trailing bytes, bad index). */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** The writer's schema cannot be read as the reader's schema (Avro schema resolution failed). */
export class ResolutionError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(path ? `${message} (at ${path})` : message);
    this.name = 'ResolutionError';
  }
}

/** The Confluent wire format was not respected (no magic byte, short header). */
export class WireFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireFormatError';
  }
}
