/** Wire types of the Confluent Schema Registry REST API (7.x shapes; 8.x extras are optional). */

export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

/** The registry's level names as they travel on the wire (this package has no dependencies, so it spells them out). */
export const COMPATIBILITY_LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

/** The registry modes as they travel on the wire (kept equal to the server's list by a registry-server test). */
export const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'] as const;
export type Mode = (typeof MODES)[number];

export interface SchemaReference {
  /** Avro: the referenced type's full name. */
  name: string;
  subject: string;
  version: number;
}

export interface SchemaMetadata {
  tags?: Record<string, string[]>;
  properties?: Record<string, string>;
  sensitive?: string[];
}

/** Data-contract rules, stored and returned as given. */
export type RuleSet = Record<string, unknown>;

/** The body of register, lookup and compatibility requests. */
export interface SchemaRequest {
  /** The schema text (for Avro, the .avsc JSON). */
  schema: string;
  /** Absent means AVRO. */
  schemaType?: SchemaType | string;
  references?: SchemaReference[];
  metadata?: SchemaMetadata;
  ruleSet?: RuleSet;
  /** IMPORT mode only: the id to store the schema under. */
  id?: number;
  version?: number;
}

/**
 * A schema to send: its text, an Avro schema as parsed JSON (an object or array), or the full request
 * body. An object with a string `schema` key and no `type` key is taken as the request body.
 */
export type SchemaInput = string | SchemaRequest | Record<string, unknown> | unknown[];

/** `GET /schemas/ids/{id}`. */
export interface SchemaById {
  schema: string;
  schemaType?: string;
  references?: SchemaReference[];
  metadata?: SchemaMetadata;
  ruleSet?: RuleSet;
  maxId?: number;
}

/** A version of a subject: `GET /subjects/{s}/versions/{v}`, lookup. */
export interface SubjectVersionSchema {
  subject: string;
  version: number;
  id: number;
  schema: string;
  schemaType?: string;
  references?: SchemaReference[];
  metadata?: SchemaMetadata;
  ruleSet?: RuleSet;
  deleted?: boolean;
}

/** `POST /subjects/{s}/versions`: `{id}` from 7.x, more when the server changed the schema or on 8.x. */
export interface RegisterResult {
  id: number;
  version?: number;
  schema?: string;
  schemaType?: string;
  references?: SchemaReference[];
  metadata?: SchemaMetadata;
  ruleSet?: RuleSet;
}

export interface CompatibilityResult {
  is_compatible: boolean;
  /** Present with `verbose: true`: Confluent's per-rule messages. */
  messages?: string[];
}

/** `GET /config[/{s}]`. */
export interface RegistryConfig {
  compatibilityLevel?: CompatibilityLevel;
  normalize?: boolean;
  validateFields?: boolean;
  alias?: string;
  compatibilityGroup?: string;
  defaultMetadata?: SchemaMetadata;
  overrideMetadata?: SchemaMetadata;
  defaultRuleSet?: RuleSet;
  overrideRuleSet?: RuleSet;
}

/** `PUT /config[/{s}]` body and answer. */
export interface ConfigUpdate {
  compatibility?: CompatibilityLevel;
  normalize?: boolean;
  validateFields?: boolean;
  alias?: string;
  compatibilityGroup?: string;
  defaultMetadata?: SchemaMetadata;
  overrideMetadata?: SchemaMetadata;
  defaultRuleSet?: RuleSet;
  overrideRuleSet?: RuleSet;
}

export interface SubjectVersion {
  subject: string;
  version: number;
}
