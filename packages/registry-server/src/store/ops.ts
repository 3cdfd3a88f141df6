import type { CompatibilityLevel, Mode } from '../levels.js';

export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

/** JSON objects stored as given (metadata, rule sets). */
export type JsonMap = { [key: string]: unknown };

/** A subject's or the global config, as `GET /config` shows it. */
export interface StoredConfig {
  compatibilityLevel?: CompatibilityLevel;
  normalize?: boolean;
  validateFields?: boolean;
  alias?: string;
  compatibilityGroup?: string;
  compatibilityPolicy?: string;
  defaultMetadata?: JsonMap;
  overrideMetadata?: JsonMap;
  defaultRuleSet?: JsonMap;
  overrideRuleSet?: JsonMap;
}

/** One change to the registry; a log record holds the changes of one request. */
export type Op =
  | {
      op: 'register';
      subject: string;
      version: number;
      id: number;
      schemaType: string;
      schema: string;
      references?: SchemaReference[];
      metadata?: JsonMap;
      ruleSet?: JsonMap;
    }
  | { op: 'soft-delete'; subject: string; version: number }
  | { op: 'hard-delete'; subject: string; version: number }
  | { op: 'config'; subject: string | null; config: StoredConfig | null }
  | { op: 'mode'; subject: string | null; mode: Mode | null };
