export { IDL_CODE_MESSAGES, IdlCode } from './codes.js';
export { compileIdl, compileIdlFile, IdlCompileCache } from './compile.js';
export type { IdlMessage, IdlProtocol } from './protocol.js';
export { decodeUtfText } from './read-source.js';
export { idlToSchemata } from './schemata.js';
export type {
  IdlCompileOptions,
  IdlOutputKind,
  IdlResult,
  IdlSchemaFile,
  IdlSourceLocation,
  IdlSourceMap,
} from './types.js';
export { protocolToJson } from './write-protocol.js';
