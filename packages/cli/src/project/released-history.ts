import { posix } from 'node:path';
import type { Diagnostic } from '@charter/diagnostics';
import { parseSchemaText, type Schema } from '@charter/schema';
import { listTree, readBlobs } from './git.js';
import { compareSemVer, parseSemVer } from './semver.js';

/** One released version of an event, read from git. */
export interface ReleasedVersion {
  /** `v1.2.0`, or `the schema at main` for an unreleased package's committed schema. */
  label: string;
  /** The package version, when the version came from `releases/<version>.avsc`. */
  version?: string;
  /** Path in the tree (relative to the project root). */
  path: string;
  schema: Schema;
}

export interface ReleasedHistory {
  /** `releases`: from `releases/*.avsc`; `schema`: the committed `schema/<FullName>.avsc`; `absent`: a new event. */
  kind: 'releases' | 'schema' | 'absent';
  /** Oldest first. */
  versions: ReleasedVersion[];
}

export interface HistoryRequest {
  slug: string;
  /** Full name of the event schema. */
  schema: string;
}

export interface HistoryResult {
  histories: Map<string, ReleasedHistory>;
  diagnostics: Diagnostic[];
}

/**
 * Reads the released versions of every event at `commit`: `<output>/<slug>/releases/<version>.avsc`
 * (semver-sorted, oldest first), else `<output>/<slug>/schema/<FullName>.avsc` as the only version, else
 * nothing (the event is new). Uses `git ls-tree` and one `git cat-file --batch`, no checkout.
 */
export function readReleasedHistories(
  root: string,
  commit: string,
  refLabel: string,
  outputDir: string,
  events: readonly HistoryRequest[],
): HistoryResult {
  const out = outputDir.split('\\').join('/').replace(/\/$/, '') || '.';
  const files = listTree(root, commit, out);
  const byPath = new Map(files.map((f) => [f.path, f.oid]));
  const plans = new Map<
    string,
    { kind: ReleasedHistory['kind']; items: { label: string; version?: string; path: string }[] }
  >();
  for (const e of events) {
    const releasesDir = posix.join(out, e.slug, 'releases') + '/';
    const releases = files
      .filter(
        (f) =>
          f.path.startsWith(releasesDir) &&
          f.path.endsWith('.avsc') &&
          !f.path.slice(releasesDir.length).includes('/'),
      )
      .map((f) => ({ path: f.path, semver: parseSemVer(f.path.slice(releasesDir.length, -'.avsc'.length)) }))
      .filter((r) => r.semver !== undefined)
      .sort((a, b) => compareSemVer(a.semver!, b.semver!));
    if (releases.length > 0) {
      plans.set(e.slug, {
        kind: 'releases',
        items: releases.map((r) => ({
          label: `v${r.semver!.text.replace(/^v/, '')}`,
          version: r.semver!.text.replace(/^v/, ''),
          path: r.path,
        })),
      });
      continue;
    }
    const schemaPath = posix.join(out, e.slug, 'schema', `${e.schema}.avsc`);
    if (byPath.has(schemaPath)) {
      plans.set(e.slug, {
        kind: 'schema',
        items: [{ label: `the schema at ${refLabel}`, path: schemaPath }],
      });
    } else plans.set(e.slug, { kind: 'absent', items: [] });
  }
  const wanted = [...plans.values()].flatMap((p) => p.items.map((i) => byPath.get(i.path)!));
  const blobs = readBlobs(root, wanted);
  const histories = new Map<string, ReleasedHistory>();
  const diagnostics: Diagnostic[] = [];
  for (const [slug, plan] of plans) {
    const versions: ReleasedVersion[] = [];
    for (const item of plan.items) {
      const text = blobs.get(byPath.get(item.path)!) ?? '';
      const file = `${refLabel}:${item.path}`;
      const parsed = parseSchemaText(text, { file, validateNames: false, validateDefaults: false });
      if (!parsed.schema) {
        diagnostics.push(...parsed.diagnostics.filter((d) => d.severity === 'error'));
        continue;
      }
      versions.push({ ...item, schema: parsed.schema });
    }
    histories.set(slug, { kind: plan.kind, versions });
  }
  return { histories, diagnostics };
}
