import type { ResolvedEvent } from '@charter/config';
import type { JsonValue, RecordSchema } from '@charter/schema';
import type { Longs } from '@charter/serde';

/** Everything the generator needs for one event. */
export interface ContractSource {
  /** The event's record (the main schema of its .avdl file). */
  schema: RecordSchema;
  /** The schema as Avro JSON, exactly as Avro's tools print it. */
  json: JsonValue;
  /** Topic, subject, level and package name from charter.yaml. */
  event: Pick<
    ResolvedEvent,
    'name' | 'slug' | 'topic' | 'role' | 'subjectStrategy' | 'subject' | 'compatibility' | 'package'
  >;
  /** Where the contract is written, relative to the project root (for the header and README). */
  source?: string;
}

export interface CodegenOptions {
  /** How plain `long` values are typed: range-checked `number` (default) or `bigint`. */
  longs?: Longs;
}
