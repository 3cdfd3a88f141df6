/** An error answered as `{"error_code": code, "message": message}` with an HTTP status. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const CONTEXT = '.';

/** Confluent's error catalogue (`Errors.java`), with its exact messages. */
export const Errors = {
  httpNotFound: () => new RestError(404, 404, 'HTTP 404 Not Found'),
  methodNotAllowed: () => new RestError(405, 405, 'HTTP 405 Method Not Allowed'),
  notAcceptable: () => new RestError(406, 406, 'HTTP 406 Not Acceptable'),
  unsupportedMediaType: () => new RestError(415, 415, 'HTTP 415 Unsupported Media Type'),
  tooLarge: (limit: number) => new RestError(413, 413, `Request body is larger than ${limit} bytes`),
  badJson: (detail: string) => new RestError(400, 400, `Malformed JSON: ${detail}`),
  badRequest: (message: string) => new RestError(400, 400, message),
  subjectNotFound: (s: string) => new RestError(404, 40401, `Subject '${s}' not found.`),
  versionNotFound: (v: number) => new RestError(404, 40402, `Version ${v} not found.`),
  schemaNotFound: () => new RestError(404, 40403, 'Schema not found'),
  schemaIdNotFound: (id: number) => new RestError(404, 40403, `Schema ${id} not found`),
  subjectSoftDeleted: (s: string) =>
    new RestError(404, 40404, `Subject '${s}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (s: string) =>
    new RestError(404, 40405, `Subject '${s}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (s: string, v: number) =>
    new RestError(
      404,
      40406,
      `Subject '${s}' Version ${v} was soft deleted.Set permanent=true to delete permanently`,
    ),
  versionNotSoftDeleted: (s: string, v: number) =>
    new RestError(
      404,
      40407,
      `Subject '${s}' Version ${v} was not deleted first before being permanently deleted`,
    ),
  subjectLevelCompatibilityNotConfigured: (s: string) =>
    new RestError(404, 40408, `Subject '${s}' does not have subject-level compatibility configured`),
  subjectLevelModeNotConfigured: (s: string) =>
    new RestError(404, 40409, `Subject '${s}' does not have subject-level mode configured`),
  incompatible: (s: string, messages: readonly string[], code: 409 | 40901 = 409) =>
    new RestError(
      409,
      code,
      `Schema being registered is incompatible with an earlier schema for subject "${s}", details: [${messages.join(', ')}]`,
    ),
  invalidSchema: (detail: string) => new RestError(422, 42201, `Invalid schema ${detail}`),
  emptySchema: () => new RestError(422, 42201, 'Empty schema'),
  invalidSchemaType: (type: string) => new RestError(422, 42201, `Invalid schema type ${type}`),
  versionNotNext: () => new RestError(422, 42201, 'Version is not one more than previous version'),
  invalidVersion: (v: string) =>
    new RestError(
      422,
      42202,
      `The specified version '${v}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  invalidCompatibility: () =>
    new RestError(
      422,
      42203,
      'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
    ),
  invalidMode: () =>
    new RestError(422, 42204, 'Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.'),
  readOnly: (s: string | undefined) =>
    new RestError(
      422,
      42205,
      s === undefined
        ? 'The registry is in read-only mode'
        : `Subject ${s} in context ${CONTEXT} is in read-only mode`,
    ),
  notImportMode: (s: string) =>
    new RestError(422, 42205, `Subject ${s} in context ${CONTEXT} is not in import mode`),
  notReadWriteMode: (s: string) =>
    new RestError(422, 42205, `Subject ${s} in context ${CONTEXT} is not in read-write mode`),
  idOverwrite: (id: number) =>
    new RestError(422, 42205, `Overwrite new schema with id ${id} in context ${CONTEXT} is not permitted.`),
  versionOverwrite: (s: string, v: number) =>
    new RestError(422, 42205, `Overwrite of version ${v} of subject ${s} is not permitted.`),
  importNotEmpty: () => new RestError(422, 42205, 'Cannot import since found existing subjects'),
  referenceExists: (detail: string) =>
    new RestError(422, 42206, `One or more references exist to the schema {${detail}}.`),
  invalidSubject: (s: string) => new RestError(422, 42208, `The specified subject '${s}' is not a valid.`),
  storeFailed: () =>
    new RestError(500, 50001, 'Error while storing the schema: the log file could not be written'),
  internal: () => new RestError(500, 500, 'Internal Server Error'),
} as const;
