export { type CodeFrameOptions, codeFrame } from './code-frame.js';
export {
  type Diagnostic,
  DiagnosticError,
  hasErrors,
  type Position,
  type Range,
  type Severity,
} from './diagnostic.js';
export { type FormatOptions, formatDiagnostic, formatDiagnostics } from './format.js';
export { LineIndex } from './line-index.js';
