export {
  type Command,
  type CommandContext,
  ExitCode,
  flagOption,
  importPaths,
  type OptionSpec,
  stringOption,
  stringsOption,
  UsageError,
} from './command.js';
export { COMMANDS, type CommandEntry } from './commands/index.js';
export { PUBLISH_REGISTRY_ENV, publishRegistry } from './commands/release/registry-option.js';
export { type MainIO, main } from './main.js';
export { printDiagnostics } from './output.js';
