import { type ChangeKind, CompatCode } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import { type CheckEventInput, checkEvent } from './check-core.js';
import { readReleasedHistories } from './released-history.js';
import type { CheckReport } from './report.js';

export interface RunCheckInput {
  /** Project root: where charter.yaml and .changeset/ are; git runs here. */
  root: string;
  /** The ref label and the commit it resolved to. */
  ref: string;
  commit: string;
  /** The event packages' directory relative to `root` (`generated`). */
  outputDir: string;
  events: readonly CheckEventInput[];
  changesets: ReadonlyMap<string, ChangeKind>;
}

/** Reads the released histories at the commit and checks every event against its own. */
export function runCheck(input: RunCheckInput): CheckReport {
  const { histories, diagnostics } = readReleasedHistories(
    input.root,
    input.commit,
    input.ref,
    input.outputDir,
    input.events.map((e) => ({ slug: e.event.slug, schema: e.event.schema })),
  );
  const report: CheckReport = { ref: input.ref, events: [], registry: new Map(), diagnostics: [] };
  for (const d of diagnostics) {
    report.diagnostics.push({
      ...d,
      code: CompatCode.InvalidRelease,
      message: `released version does not parse: ${d.message}`,
    });
  }
  for (const e of input.events) {
    const history = histories.get(e.event.slug) ?? { kind: 'absent', versions: [] };
    report.events.push(checkEvent(e, history, { changesets: input.changesets }));
  }
  return report;
}

/** Warnings for topic settings below the durability defaults (replication factor 3, min in-sync 2). */
export function durabilityWarnings(
  entries: readonly {
    schema: string;
    topicSettings?: { replicationFactor?: number; minInsyncReplicas?: number };
    line?: number;
  }[],
  file: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of entries) {
    const settings = entry.topicSettings ?? {};
    const problems: string[] = [];
    if (settings.replicationFactor !== undefined && settings.replicationFactor < 3)
      problems.push(`replicationFactor ${settings.replicationFactor} (< 3: one broker loss can lose data)`);
    if (settings.minInsyncReplicas !== undefined && settings.minInsyncReplicas < 2)
      problems.push(
        `minInsyncReplicas ${settings.minInsyncReplicas} (< 2: acks=all is then acknowledged by one replica)`,
      );
    if (problems.length === 0) continue;
    const d: Diagnostic = {
      code: CompatCode.TopicDurability,
      severity: 'warning',
      message: `${entry.schema}: topicSettings ${problems.join(' and ')}`,
      file,
      hint: 'use replicationFactor: 3 and minInsyncReplicas: 2 unless this topic may lose data',
    };
    if (entry.line !== undefined) {
      d.range = {
        start: { offset: 0, line: entry.line, column: 1 },
        end: { offset: 0, line: entry.line, column: 1 },
      };
    }
    out.push(d);
  }
  return out;
}
