import { relative } from 'node:path';
import type { Diagnostic } from '@charter/diagnostics';
import { simpleNameOf } from '@charter/schema';
import { ConfigCode } from './codes.js';
import type { ContractIndex, EventEntry, ResolvedEvent } from './model.js';
import { kebabCase, subjectName } from './naming.js';

export interface ResolveEventsResult {
  events: ResolvedEvent[];
  diagnostics: Diagnostic[];
}

export interface ResolveEventsOptions {
  /**
   * The file that declares a discovered event (absolute or relative), where a diagnostic about an event
   * charter.yaml does not list points; without it such diagnostics point at charter.yaml.
   */
  declaredIn?: (schema: string) => string | undefined;
}

/** Decides every setting of one event from its entry (if any) and the index defaults. */
export function resolveEvent(index: ContractIndex, schema: string, entry?: EventEntry): ResolvedEvent {
  const name = simpleNameOf(schema);
  const slug = kebabCase(name);
  const topic = entry?.topic ?? slug;
  const role = entry?.role ?? index.defaults.role;
  const subjectStrategy = entry?.subjectStrategy ?? index.defaults.subjectStrategy;
  return {
    schema,
    name,
    slug,
    topic,
    role,
    subjectStrategy,
    subject: subjectName(subjectStrategy, topic, schema, role),
    compatibility: entry?.compatibility ?? index.defaults.compatibility,
    package: entry?.package ?? `${index.scope}/${slug}`,
    topicSettings: entry?.topicSettings ?? {},
  };
}

function atLine(d: Diagnostic, line: number | undefined): Diagnostic {
  if (line !== undefined) {
    const at = { offset: 0, line, column: 1 };
    d.range = { start: at, end: at };
  }
  return d;
}

/** One thing (folder, subject, package) that two events must not share. */
interface Uniqueness {
  code: string;
  key: (e: ResolvedEvent) => string;
  message: (first: string, second: ResolvedEvent) => string;
  hint: string;
}

function uniquenesses(index: ContractIndex): Uniqueness[] {
  const output = relative(index.root, index.output) || '.';
  return [
    {
      code: ConfigCode.FolderClash,
      key: (e) => e.slug,
      message: (first, e) => `${first} and ${e.schema} would both be generated into ${output}/${e.slug}`,
      hint: 'rename one of the records (the folder is the kebab-case of its simple name)',
    },
    {
      code: ConfigCode.SubjectClash,
      key: (e) => e.subject,
      message: (first, e) => `${first} and ${e.schema} would both be registered under subject ${e.subject}`,
      hint: 'give one of them its own topic in charter.yaml, or a subjectStrategy that includes the record name',
    },
    {
      code: ConfigCode.DuplicateEvent,
      key: (e) => e.package,
      message: (first, e) => `${e.schema} and ${first} would both be published as ${e.package}`,
      hint: 'give one of them its own package in charter.yaml',
    },
  ];
}

/**
 * The events of the project: every discovered event schema (the main schema of each schema-mode IDL file),
 * with its entry's settings or the defaults. An entry naming no discovered schema is an error, and so are
 * two events sharing a package folder, a registry subject or a package name.
 */
export function resolveEvents(
  index: ContractIndex,
  discovered: readonly string[],
  options: ResolveEventsOptions = {},
): ResolveEventsResult {
  const diagnostics: Diagnostic[] = [];
  const entries = new Map(index.events.map((e) => [e.schema, e]));
  for (const entry of index.events) {
    if (!discovered.includes(entry.schema)) {
      const d: Diagnostic = {
        code: ConfigCode.UnknownEvent,
        severity: 'error',
        message: `events lists ${entry.schema}, but no IDL file declares it as its schema`,
        file: index.file,
        hint: `known events: ${discovered.join(', ') || '(none)'}`,
      };
      diagnostics.push(atLine(d, entry.line));
    }
  }
  const events = [...discovered].sort().map((schema) => resolveEvent(index, schema, entries.get(schema)));
  // The second event of a clash is reported: at its entry in charter.yaml, else at the file declaring it.
  const at = (e: ResolvedEvent, d: Diagnostic): Diagnostic => {
    const line = entries.get(e.schema)?.line;
    const declared = line === undefined ? options.declaredIn?.(e.schema) : undefined;
    if (declared !== undefined) {
      d.file = declared;
      return atLine(d, 1);
    }
    return atLine(d, line);
  };
  // One diagnostic per pair: the same simple name gives the same folder, and by default the same topic
  // (so subject) and package too; renaming the record fixes them all.
  const reported = new Set<string>();
  for (const rule of uniquenesses(index)) {
    const seen = new Map<string, string>();
    for (const e of events) {
      const key = rule.key(e);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, e.schema);
        continue;
      }
      const pair = `${first}\0${e.schema}`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      diagnostics.push(
        at(e, {
          code: rule.code,
          severity: 'error',
          message: rule.message(first, e),
          file: index.file,
          hint: rule.hint,
        }),
      );
    }
  }
  return { events, diagnostics };
}
