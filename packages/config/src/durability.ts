import type { Diagnostic } from '@charter/diagnostics';
import { ConfigCode } from './codes.js';
import type { ContractIndex, TopicSettings } from './model.js';

/**
 * With `acks: all`, a write survives a broker loss only if the topic keeps at least 3 replicas and
 * requires 2 of them in sync: below that, an acknowledged event can be lost.
 */
export const DURABILITY_MINIMUM = { replicationFactor: 3, minInsyncReplicas: 2 } as const;

/** One topic setting below the durability minimum. */
export interface DurabilityShortfall {
  setting: keyof typeof DURABILITY_MINIMUM;
  actual: number;
  minimum: number;
  /** Why the setting is too low, in words. */
  risk: string;
}

const RISK: Record<DurabilityShortfall['setting'], string> = {
  replicationFactor: 'one broker loss can lose data',
  minInsyncReplicas: 'acks=all is then acknowledged by one replica',
};

/** The settings of a topic below the durability minimum; settings left out are not judged (the cluster default applies). */
export function durabilityShortfalls(settings: TopicSettings): DurabilityShortfall[] {
  const out: DurabilityShortfall[] = [];
  for (const setting of ['replicationFactor', 'minInsyncReplicas'] as const) {
    const actual = settings[setting];
    const minimum = DURABILITY_MINIMUM[setting];
    if (actual !== undefined && actual < minimum) out.push({ setting, actual, minimum, risk: RISK[setting] });
  }
  return out;
}

/**
 * A CFG008 warning for every `topicSettings` value of charter.yaml below the durability minimum, at the
 * value (else at the event's entry). Diagnostics name `index.file`.
 */
export function durabilityWarnings(index: ContractIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of index.events) {
    for (const s of durabilityShortfalls(entry.topicSettings ?? {})) {
      const d: Diagnostic = {
        code: ConfigCode.DurabilityBelowMinimum,
        severity: 'warning',
        message: `${entry.schema}: topicSettings.${s.setting} is ${s.actual} (< ${s.minimum}: ${s.risk})`,
        file: index.file,
        hint: `use replicationFactor: ${DURABILITY_MINIMUM.replicationFactor} and minInsyncReplicas: ${DURABILITY_MINIMUM.minInsyncReplicas} unless this topic may lose data`,
      };
      const range = entry.topicSettingRanges?.[s.setting];
      if (range) d.range = range;
      else if (entry.line !== undefined) {
        const at = { offset: 0, line: entry.line, column: 1 };
        d.range = { start: at, end: at };
      }
      out.push(d);
    }
  }
  return out;
}
