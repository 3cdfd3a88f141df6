import { RegistryClient, type RegistryClientOptions } from '@charter/registry-client';
import type { Schema } from '@charter/schema';
import { decodeWith } from './codec.js';
import type { DecodeFn } from './compile/decoder.js';
import type { EventContract } from './contract.js';
import { readSchemaId } from './wire.js';
import { parseWithReferences, type ReferenceSource } from './writer-schema.js';

/** The registry calls serde needs; `RegistryClient` from @charter/registry-client has them all. */
export interface SchemaRegistryLike extends ReferenceSource {
  lookupSchema(subject: string, schema: string): Promise<{ id: number }>;
  register(subject: string, schema: string): Promise<{ id: number }>;
}

export interface SerdeOptions {
  /** A registry client, or the options (or URL) to create one. */
  registry: SchemaRegistryLike | RegistryClientOptions | string;
  /**
   * Register the contract's schema on first use instead of looking it up (default false: in production,
   * schemas are registered by CI after the compatibility check, and an unknown schema is an error).
   */
  autoRegister?: boolean;
}

type AnyContract = EventContract<unknown, unknown>;

function toRegistry(registry: SerdeOptions['registry']): SchemaRegistryLike {
  if (typeof registry === 'string') return new RegistryClient({ url: registry });
  if ('lookupSchema' in registry) return registry;
  return new RegistryClient(registry);
}

/**
 * Serializes and deserializes events in the Confluent wire format. Serializing looks up the contract's
 * schema id by subject and schema once; deserializing fetches a writer's schema by id once and keeps the
 * compiled writer-to-reader decoder, so steady-state calls make no requests.
 */
export class Serde {
  readonly registry: SchemaRegistryLike;
  readonly autoRegister: boolean;
  /** Resolved ids by contract (for the synchronous fast path). */
  readonly #ids = new Map<AnyContract, number>();
  readonly #pendingIds = new Map<AnyContract, Promise<number>>();
  readonly #writers = new Map<number, Promise<Schema>>();
  readonly #decoders = new Map<AnyContract, Map<number, DecodeFn>>();

  constructor(options: SerdeOptions) {
    this.registry = toRegistry(options.registry);
    this.autoRegister = options.autoRegister ?? false;
  }

  /** The registry id of the contract's schema under its subject (looked up, or registered, once). */
  schemaId<T>(contract: EventContract<T, unknown>): Promise<number> {
    const c = contract as AnyContract;
    const known = this.#ids.get(c);
    if (known !== undefined) return Promise.resolve(known);
    let pending = this.#pendingIds.get(c);
    if (!pending) {
      const request = this.autoRegister
        ? this.registry.register(c.subject, c.schema)
        : this.registry.lookupSchema(c.subject, c.schema);
      pending = request.then(
        ({ id }) => {
          this.#ids.set(c, id);
          this.#pendingIds.delete(c);
          return id;
        },
        (error: unknown) => {
          this.#pendingIds.delete(c); // a later call may try again
          throw error;
        },
      );
      this.#pendingIds.set(c, pending);
    }
    return pending;
  }

  /** Wire-format bytes of an event (magic byte, schema id, Avro binary). */
  serialize<T>(contract: EventContract<T, unknown>, value: T): Promise<Buffer> {
    const id = this.#ids.get(contract as AnyContract);
    if (id === undefined)
      return this.schemaId(contract).then((known) => contract.codec.encodeFramed(known, value));
    // Not an async function: once the id is known this is one encode and one resolved promise.
    try {
      return Promise.resolve(contract.codec.encodeFramed(id, value));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Like `serialize`, once `schemaId(contract)` has resolved; throws before that. */
  serializeSync<T>(contract: EventContract<T, unknown>, value: T): Buffer {
    const id = this.#ids.get(contract as AnyContract);
    if (id === undefined)
      throw new Error(`schema id of ${contract.subject} not known yet: await schemaId() first`);
    return contract.codec.encodeFramed(id, value);
  }

  /** The writer's schema with this id, fetched once. */
  writerSchema(id: number): Promise<Schema> {
    let pending = this.#writers.get(id);
    if (!pending) {
      pending = parseWithReferences(this.registry, id);
      pending.catch(() => this.#writers.delete(id));
      this.#writers.set(id, pending);
    }
    return pending;
  }

  private decoders(contract: AnyContract): Map<number, DecodeFn> {
    let map = this.#decoders.get(contract);
    if (!map) {
      map = new Map();
      this.#decoders.set(contract, map);
    }
    return map;
  }

  /** The decoder of data written with schema `id` into the contract's type (fetched and compiled once). */
  async decoder<T>(contract: EventContract<T, unknown>, id: number): Promise<DecodeFn> {
    const map = this.decoders(contract as AnyContract);
    let fn = map.get(id);
    if (!fn) {
      fn = contract.resolver(await this.writerSchema(id));
      map.set(id, fn);
    }
    return fn;
  }

  /** The event in a wire-format message, resolved from the writer's schema into the contract's. */
  deserialize<T>(contract: EventContract<T, unknown>, message: Uint8Array): Promise<T> {
    try {
      const id = readSchemaId(message);
      const fn = this.#decoders.get(contract as AnyContract)?.get(id);
      if (!fn) return this.decoder(contract, id).then((found) => decodeWith(found, message, 5) as T);
      return Promise.resolve(decodeWith(fn, message, 5) as T);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Like `deserialize`, once the writer's schema id has been seen; throws before that. */
  deserializeSync<T>(contract: EventContract<T, unknown>, message: Uint8Array): T {
    const id = readSchemaId(message);
    const fn = this.#decoders.get(contract as AnyContract)?.get(id);
    if (!fn) throw new Error(`writer schema ${id} not fetched yet: await deserialize() once first`);
    return decodeWith(fn, message, 5) as T;
  }

  /**
   * For topics that carry several event types: picks the contract whose full name (or one of whose
   * aliases) is the writer schema's name, and decodes with it.
   */
  async deserializeAny<C extends EventContract<unknown, unknown>>(
    contracts: readonly C[],
    message: Uint8Array,
  ): Promise<{ contract: C; value: C extends EventContract<infer T, unknown> ? T : never }> {
    const id = readSchemaId(message);
    const writer = await this.writerSchema(id);
    const name = 'fullName' in writer ? writer.fullName : writer.type;
    const contract = contracts.find((c) => {
      const reader = c.codec.schema;
      return 'fullName' in reader && (reader.fullName === name || reader.aliases.includes(name));
    });
    if (!contract) {
      throw new Error(
        `no contract for ${name} (schema id ${id}); expected one of ${contracts.map((c) => c.fullName).join(', ')}`,
      );
    }
    const value = await this.deserialize(contract, message);
    return { contract, value: value as C extends EventContract<infer T, unknown> ? T : never };
  }
}
