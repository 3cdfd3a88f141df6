import { type ChangeKind, CompatCode } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import { type CheckEventInput, checkEvent, type EventCheck } from './check-core.js';
import { type ReleasedHistory, readReleasedHistories } from './released-history.js';

export interface CheckEventsInput<E extends CheckEventInput> {
  /** Project root: where charter.yaml and .changeset/ are; git runs here. */
  root: string;
  /** The ref label and the commit it resolved to. */
  ref: string;
  commit: string;
  /** The event packages' directory relative to `root` (`generated`). */
  outputDir: string;
  events: readonly E[];
  changesets: ReadonlyMap<string, ChangeKind>;
}

/** One event with its released history and the verdict on it. */
export interface CheckedEvent<E extends CheckEventInput> {
  input: E;
  history: ReleasedHistory;
  check: EventCheck;
}

export interface CheckedEvents<E extends CheckEventInput> {
  events: CheckedEvent<E>[];
  /** Released versions that do not parse (CMP023). */
  diagnostics: Diagnostic[];
}

/**
 * Reads the released histories at the commit and checks every event against its own: what `charter
 * check`, `charter changeset` and `charter release version` all judge the contracts by.
 */
export function checkEvents<E extends CheckEventInput>(input: CheckEventsInput<E>): CheckedEvents<E> {
  const { histories, diagnostics } = readReleasedHistories(
    input.root,
    input.commit,
    input.ref,
    input.outputDir,
    input.events.map((e) => ({ slug: e.event.slug, schema: e.event.schema })),
  );
  return {
    events: input.events.map((e) => {
      const history = histories.get(e.event.slug) ?? { kind: 'absent', versions: [] };
      return { input: e, history, check: checkEvent(e, history, { changesets: input.changesets }) };
    }),
    diagnostics: diagnostics.map((d) => ({
      ...d,
      code: CompatCode.InvalidRelease,
      message: `released version does not parse: ${d.message}`,
    })),
  };
}
