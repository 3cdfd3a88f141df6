import type { Diagnostic } from '@charter/diagnostics';
import { ConfigCode } from './codes.js';
import type { ContractIndex, EventEntry, ResolvedEvent } from './model.js';
import { kebabCase, subjectName } from './naming.js';

export interface ResolveEventsResult {
  events: ResolvedEvent[];
  diagnostics: Diagnostic[];
}

/** Decides every setting of one event from its entry (if any) and the index defaults. */
export function resolveEvent(index: ContractIndex, schema: string, entry?: EventEntry): ResolvedEvent {
  const name = schema.slice(schema.lastIndexOf('.') + 1);
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

/**
 * The events of the project: every discovered event schema (the main schema of each schema-mode IDL file),
 * with its entry's settings or the defaults. An entry naming no discovered schema is an error.
 */
export function resolveEvents(index: ContractIndex, discovered: readonly string[]): ResolveEventsResult {
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
      if (entry.line !== undefined)
        d.range = {
          start: { offset: 0, line: entry.line, column: 1 },
          end: { offset: 0, line: entry.line, column: 1 },
        };
      diagnostics.push(d);
    }
  }
  const events = [...discovered].sort().map((schema) => resolveEvent(index, schema, entries.get(schema)));
  const slugs = new Map<string, string>();
  for (const e of events) {
    const other = slugs.get(e.package);
    if (other) {
      diagnostics.push({
        code: ConfigCode.DuplicateEvent,
        severity: 'error',
        message: `${e.schema} and ${other} would both be published as ${e.package}`,
        file: index.file,
      });
    }
    slugs.set(e.package, e.schema);
  }
  return { events, diagnostics };
}
