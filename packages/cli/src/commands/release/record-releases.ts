import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ChangeKind } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import type { EventState } from '../../project/project-state.js';
import { parseSemVer } from '../../project/semver.js';
import { writeFilesAtomically } from '../../project/write-atomic.js';
import { ReleaseCode } from './codes.js';

/** One version of one event package that the release step records. */
export interface RecordedRelease {
  package: string;
  from: string | undefined;
  to: string;
  /** `generated/<slug>/releases/<version>.avsc`, relative to the project root. */
  path: string;
  /** False when the same schema was already recorded for this version. */
  written: boolean;
}

/** The version changesets gives `version` for a bump (no prerelease handling: those keep their own files). */
export function bumpVersion(version: string, bump: ChangeKind): string | undefined {
  const v = parseSemVer(version);
  if (!v || v.prerelease.length > 0) return undefined;
  switch (bump) {
    case 'major':
      return `${v.major + 1}.0.0`;
    case 'minor':
      return `${v.major}.${v.minor + 1}.0`;
    case 'patch':
      return `${v.major}.${v.minor}.${v.patch + 1}`;
    case 'none':
      return version.replace(/^v/, '');
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function releaseFile(e: EventState, version: string): string {
  return join(e.dir, 'releases', `${version}.avsc`);
}

function clash(e: EventState, version: string, root: string): Diagnostic {
  return {
    code: ReleaseCode.ReleaseExists,
    severity: 'error',
    message: `${e.input.event.package}@${version} is already recorded with another schema`,
    file: relative(root, releaseFile(e, version)),
    hint: 'a released version never changes: release the new schema as the next version',
  };
}

/** Refuses, before anything is versioned, a bump whose target version already has another schema. */
export function checkReleaseTargets(
  events: readonly EventState[],
  bumps: ReadonlyMap<string, ChangeKind>,
  root: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of events) {
    const bump = bumps.get(e.input.event.package);
    const next = bump && e.version ? bumpVersion(e.version, bump) : undefined;
    if (!next) continue;
    const existing = readText(releaseFile(e, next));
    if (existing !== undefined && existing !== e.schemaText) out.push(clash(e, next, root));
  }
  return out;
}

/**
 * Writes `releases/<version>.avsc` for every event package whose version changed (`before` holds the
 * versions before `changeset version`): the released history `charter check` and `charter changeset`
 * compare against. All files are written or none.
 */
export function recordReleases(
  events: readonly EventState[],
  before: ReadonlyMap<string, string | undefined>,
  after: ReadonlyMap<string, string | undefined>,
  root: string,
): { releases: RecordedRelease[]; diagnostics: Diagnostic[] } {
  const releases: RecordedRelease[] = [];
  const diagnostics: Diagnostic[] = [];
  const writes: { path: string; text: string }[] = [];
  for (const e of events) {
    const from = before.get(e.dir);
    const to = after.get(e.dir);
    if (!to || to === from) continue;
    const path = releaseFile(e, to);
    const existing = readText(path);
    if (existing !== undefined && existing !== e.schemaText) {
      diagnostics.push(clash(e, to, root));
      continue;
    }
    releases.push({
      package: e.input.event.package,
      from,
      to,
      path: relative(root, path),
      written: existing === undefined,
    });
    if (existing === undefined) writes.push({ path, text: e.schemaText });
  }
  if (diagnostics.length > 0) return { releases: [], diagnostics };
  for (const w of writes) mkdirSync(join(w.path, '..'), { recursive: true });
  writeFilesAtomically(writes);
  return { releases, diagnostics };
}
