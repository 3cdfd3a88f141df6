import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChangeKind, compareChangeKinds } from '@charter/compat';
import type { EventState } from '../../project/project-state.js';
import { parseSemVer } from '../../project/semver.js';
import { changeSummary, firstReleaseSummary } from './summary.js';

export type Bump = Exclude<ChangeKind, 'none'>;

/** What `charter changeset` does for one event. */
export type ChangesetAction =
  /** Writes (or rewrites) `.changeset/charter-<slug>.md`. */
  | 'write'
  /** Its changeset is already there, word for word. */
  | 'unchanged'
  /** Another changeset already declares at least the bump. */
  | 'covered'
  /** Removes a charter changeset of a contract that no longer needs a release. */
  | 'remove'
  /** Nothing to release and nothing to remove. */
  | 'none';

export interface ChangesetPlan {
  event: EventState;
  /** The bump the contract needs; undefined when it needs no release. */
  bump: Bump | undefined;
  /** `first`: the package was never released; `changed`: the schema changed since `since`. */
  reason: 'first' | 'changed' | 'unchanged';
  /** The released version compared against (`v1.1.0`, `the schema at main`). */
  since: string | undefined;
  /** `.changeset/charter-<slug>.md`, relative to the project root. */
  file: string;
  action: ChangesetAction;
  /** The changeset text when there is one to write or keep. */
  content: string | undefined;
  /** Other changeset files that name the package, and the largest bump they declare. */
  others: string[];
  declaredElsewhere: ChangeKind | undefined;
}

/** The changeset file charter owns for an event. */
export function changesetFile(slug: string): string {
  return `.changeset/charter-${slug}.md`;
}

/** A changeset as changesets reads it: front matter naming the package and bump, then the summary. */
export function renderChangeset(pkg: string, bump: Bump, summary: string): string {
  return `---\n${JSON.stringify(pkg)}: ${bump}\n---\n\n${summary}\n`;
}

/** The bump an event needs and why: a first release goes to 1.0.0, a change by its classification. */
export function requiredBump(e: EventState): { bump: Bump | undefined; reason: ChangesetPlan['reason'] } {
  const released = e.history.kind === 'releases';
  const major = e.version ? parseSemVer(e.version)?.major : 0;
  if (!released && (major === undefined || major === 0)) return { bump: 'major', reason: 'first' };
  if (e.check.status === 'new') return { bump: 'minor', reason: 'first' };
  if (e.check.status === 'incompatible') return { bump: 'major', reason: 'changed' };
  const required = e.check.required;
  if (required === undefined || required === 'none') return { bump: undefined, reason: 'unchanged' };
  return { bump: required, reason: 'changed' };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Plans the changeset of one event: the bump it needs against its last release, the summary of the
 * change, and whether a file must be written, is already there, is covered by another changeset or is
 * stale. Charter owns `.changeset/charter-<slug>.md` and rewrites it; it never touches other files.
 */
export function planChangeset(
  e: EventState,
  root: string,
  entries: readonly { file: string; package: string; bump: ChangeKind }[],
): ChangesetPlan {
  const file = changesetFile(e.input.event.slug);
  const pkg = e.input.event.package;
  const others = entries.filter((x) => x.package === pkg && x.file !== file);
  let declaredElsewhere: ChangeKind | undefined;
  for (const o of others)
    if (!declaredElsewhere || compareChangeKinds(o.bump, declaredElsewhere) > 0) declaredElsewhere = o.bump;
  const existing = existsSync(join(root, file)) ? readText(join(root, file)) : undefined;
  const { bump, reason } = requiredBump(e);
  const latest = e.history.versions.at(-1);
  const plan: ChangesetPlan = {
    event: e,
    bump,
    reason,
    since: reason === 'changed' ? latest?.label : undefined,
    file,
    action: 'none',
    content: undefined,
    others: [...new Set(others.map((o) => o.file))],
    declaredElsewhere,
  };
  if (!bump) {
    plan.action = existing === undefined ? 'none' : 'remove';
    return plan;
  }
  if (existing === undefined && declaredElsewhere && compareChangeKinds(declaredElsewhere, bump) >= 0) {
    plan.action = 'covered';
    return plan;
  }
  const ev = e.event;
  const about = { schema: ev.schema, topic: ev.topic, subject: ev.subject, level: ev.compatibility };
  const summary =
    reason === 'first' || !latest
      ? firstReleaseSummary(about, e.input.schema)
      : changeSummary(about, bump, latest.label, latest.schema, e.input.schema, e.check.findings);
  plan.content = renderChangeset(pkg, bump, summary);
  plan.action = existing === plan.content ? 'unchanged' : 'write';
  return plan;
}
