export {
  type Command,
  type CommandContext,
  ExitCode,
  flagOption,
  type OptionSpec,
  stringOption,
  stringsOption,
  UsageError,
} from './command.js';
export { COMMANDS, type CommandEntry } from './commands/index.js';
export { type MainIO, main } from './main.js';
export { printDiagnostics } from './output.js';
