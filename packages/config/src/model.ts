import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '@charter/compat';
import type { Range } from '@charter/diagnostics';

export { COMPATIBILITY_LEVELS, type CompatibilityLevel };

export const SUBJECT_STRATEGIES = [
  'TopicNameStrategy',
  'RecordNameStrategy',
  'TopicRecordNameStrategy',
] as const;
export type SubjectStrategy = (typeof SUBJECT_STRATEGIES)[number];

export type Role = 'key' | 'value';

/** Topic settings the contract index may declare (checked by `charter check`). */
export interface TopicSettings {
  partitions?: number;
  replicationFactor?: number;
  minInsyncReplicas?: number;
}

/** What the contract index says of one event; every field is optional and defaulted. */
export interface EventEntry {
  /** The full name of the event's Avro schema (`com.acme.orders.OrderPlaced`). */
  schema: string;
  topic?: string;
  role?: Role;
  subjectStrategy?: SubjectStrategy;
  compatibility?: CompatibilityLevel;
  /** npm package name (`@acme-events/order-placed`). */
  package?: string;
  topicSettings?: TopicSettings;
  /** Source position of the entry in charter.yaml, for diagnostics. */
  line?: number;
  /** Where each `topicSettings` value is written in charter.yaml, for diagnostics. */
  topicSettingRanges?: Partial<Record<keyof TopicSettings, Range>>;
}

export interface EventDefaults {
  role: Role;
  subjectStrategy: SubjectStrategy;
  compatibility: CompatibilityLevel;
}

/** Code generation settings (`codegen:` in charter.yaml). */
export interface CodegenSettings {
  /** How plain Avro `long` values are typed: range-checked `number` (default) or `bigint`. */
  longs: 'number' | 'bigint';
}

/** charter.yaml, validated, with paths resolved against the file's directory. */
export interface ContractIndex {
  /** Absolute path of charter.yaml. */
  file: string;
  /** Absolute directory of charter.yaml (the project root). */
  root: string;
  /** Absolute directory holding the .avdl contracts. */
  idl: string;
  /** Extra import directories for IDL, absolute. */
  importPaths: string[];
  /** Absolute directory where the per-event packages are written. */
  output: string;
  /** npm scope of the event packages, with its `@`. */
  scope: string;
  /** Registry URL; `CHARTER_REGISTRY_URL` overrides it. */
  registryUrl: string | undefined;
  defaults: EventDefaults;
  events: EventEntry[];
  /** Code generation settings; absent in indexes built by hand (then the defaults apply). */
  codegen?: CodegenSettings;
}

/** One event with every setting decided: what the build, check and register steps work from. */
export interface ResolvedEvent {
  schema: string;
  /** Simple name of the schema (`OrderPlaced`). */
  name: string;
  /** kebab-case of the simple name (`order-placed`): the package folder. */
  slug: string;
  topic: string;
  role: Role;
  subjectStrategy: SubjectStrategy;
  subject: string;
  compatibility: CompatibilityLevel;
  package: string;
  topicSettings: TopicSettings;
}
