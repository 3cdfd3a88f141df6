/** A topic's settings as the contract index may declare them. */
export interface TopicDurabilitySettings {
  topic: string;
  partitions?: number;
  replicationFactor?: number;
  minInsyncReplicas?: number;
}

export interface DurabilityWarning {
  topic: string;
  setting: 'replicationFactor' | 'minInsyncReplicas';
  actual: number;
  recommended: number;
  message: string;
}

/**
 * With `acks: -1`, a write survives a broker loss only if the topic keeps at least 3 replicas and
 * requires 2 in sync: below that, an acknowledged event can be lost. Settings left undeclared are not
 * judged (the cluster default applies).
 */
export function durabilityWarnings(settings: readonly TopicDurabilitySettings[]): DurabilityWarning[] {
  const out: DurabilityWarning[] = [];
  for (const s of settings) {
    if (s.replicationFactor !== undefined && s.replicationFactor < 3) {
      out.push({
        topic: s.topic,
        setting: 'replicationFactor',
        actual: s.replicationFactor,
        recommended: 3,
        message: `topic ${s.topic} has replication factor ${s.replicationFactor}; use at least 3 for events that must not be lost`,
      });
    }
    if (s.minInsyncReplicas !== undefined && s.minInsyncReplicas < 2) {
      out.push({
        topic: s.topic,
        setting: 'minInsyncReplicas',
        actual: s.minInsyncReplicas,
        recommended: 2,
        message: `topic ${s.topic} has min.insync.replicas ${s.minInsyncReplicas}; with acks=-1 use at least 2 so an acknowledged write is on two brokers`,
      });
    }
  }
  return out;
}
