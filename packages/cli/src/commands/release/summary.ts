import type { ChangeKind, Finding } from '@charter/compat';
import { isRecord, type Schema } from '@charter/schema';
import { schemaChanges } from './schema-changes.js';
import { defaultWords, docWords, typeWords } from './type-words.js';

/** What a changeset summary is written about. */
export interface SummaryInput {
  schema: string;
  topic: string;
  subject: string;
  level: string;
}

function kindWords(bump: Exclude<ChangeKind, 'none'>, level: string): string {
  if (bump === 'patch') return 'only docs, aliases or other properties changed (patch)';
  return `${bump === 'major' ? 'a breaking change' : 'a compatible change'} under ${level} (${bump})`;
}

/**
 * The summary of a first release: the contract's identity, then its fields. The first line is the
 * changelog entry, the following ones its nested list.
 */
export function firstReleaseSummary(event: SummaryInput, schema: Schema): string {
  const lines = [
    `First release of \`${event.schema}\` (topic \`${event.topic}\`, subject \`${event.subject}\`, ${event.level}).`,
  ];
  if (isRecord(schema)) {
    for (const f of schema.fields) {
      const def = f.default === undefined ? '' : `, default ${defaultWords(f.default)}`;
      const doc = docWords(f.doc);
      lines.push(`- \`${f.name}\`: ${typeWords(f.type)}${def}.${doc ? ` ${doc}` : ''}`);
    }
  }
  return lines.join('\n');
}

/**
 * The summary of a change since the last release: the bump and why, every schema change in plain
 * words and, for a breaking change, who can no longer read whom.
 */
export function changeSummary(
  event: SummaryInput,
  bump: Exclude<ChangeKind, 'none'>,
  since: string,
  before: Schema,
  after: Schema,
  findings: readonly Finding[],
): string {
  const lines = [`\`${event.schema}\` since ${since}: ${kindWords(bump, event.level)}.`];
  const changes = schemaChanges(before, after);
  for (const c of changes) lines.push(`- ${c.text}`);
  if (changes.length === 0) lines.push('- The Avro JSON of the schema changed.');
  if (bump === 'major') for (const f of findings) lines.push(`- Breaks: ${f.who}: ${f.text}.`);
  return lines.join('\n');
}
