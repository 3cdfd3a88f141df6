import { type ScriptedErrorType, ScriptedKafkaError } from './scripted-errors.js';

export interface FaultRule {
  /** How many calls fail; Infinity until `clear()`. Default 1. */
  times?: number;
  error?: ScriptedErrorType;
  /** The call takes effect (the commit is stored, the record is written) and then throws. */
  ambiguous?: boolean;
}

interface ActiveRule {
  match: string | undefined;
  remaining: number;
  error: ScriptedErrorType;
  ambiguous: boolean;
}

/** Scripted failures of commits (per group) and sends (per topic), consumed in order. */
export class ScriptedFaults {
  private commits: ActiveRule[] = [];
  private sends: ActiveRule[] = [];

  failCommits(rule: FaultRule & { groupId?: string } = {}): void {
    this.commits.push({
      match: rule.groupId,
      remaining: rule.times ?? 1,
      error: rule.error ?? 'REQUEST_TIMED_OUT',
      ambiguous: rule.ambiguous ?? false,
    });
  }

  failSends(rule: FaultRule & { topic?: string } = {}): void {
    this.sends.push({
      match: rule.topic,
      remaining: rule.times ?? 1,
      error: rule.error ?? 'NOT_ENOUGH_REPLICAS',
      ambiguous: rule.ambiguous ?? false,
    });
  }

  clear(): void {
    this.commits = [];
    this.sends = [];
  }

  /** The failure for this commit, if one is scripted. */
  takeCommit(groupId: string): { error: ScriptedKafkaError; ambiguous: boolean } | undefined {
    return take(this.commits, groupId);
  }

  takeSend(topic: string): { error: ScriptedKafkaError; ambiguous: boolean } | undefined {
    return take(this.sends, topic);
  }
}

function take(
  rules: ActiveRule[],
  key: string,
): { error: ScriptedKafkaError; ambiguous: boolean } | undefined {
  const rule = rules.find((r) => r.remaining > 0 && (r.match === undefined || r.match === key));
  if (!rule) return undefined;
  rule.remaining--;
  return { error: new ScriptedKafkaError(rule.error), ambiguous: rule.ambiguous };
}
