import type { Field, NamedSchema, Properties, Schema } from '@charter/schema';

/** A message of a protocol: its request parameters are fields of an anonymous record. */
export interface IdlMessage {
  name: string;
  doc?: string;
  props: Properties;
  request: Field[];
  /** `null` for `void`. */
  response: Schema;
  /** Declared errors, without Avro's implicit `"string"` system error. */
  errors: Schema[];
  oneWay: boolean;
}

/** A compiled protocol (`protocol P { ... }`), imports merged. */
export interface IdlProtocol {
  name: string;
  namespace: string | undefined;
  doc?: string;
  props: Properties;
  /** Every named type, imported ones included, in definition order. */
  types: NamedSchema[];
  messages: Map<string, IdlMessage>;
}
