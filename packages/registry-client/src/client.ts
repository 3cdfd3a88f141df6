import {
  authFromEnv,
  authorizationHeader,
  REGISTRY_ENV,
  type RegistryAuth,
  splitUrlCredentials,
} from './auth.js';
import { RegistryError } from './errors.js';
import { backoffDelay, isRetryableStatus, retryAfterMs, sleep } from './retry.js';
import { toSchemaRequest } from './schema-input.js';
import type {
  CompatibilityLevel,
  CompatibilityResult,
  ConfigUpdate,
  Mode,
  RegisterResult,
  RegistryConfig,
  SchemaById,
  SchemaInput,
  SubjectVersion,
  SubjectVersionSchema,
} from './types.js';

export const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const ACCEPT = `${CONTENT_TYPE}, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5`;

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
type Env = Record<string, string | undefined>;
type Query = Record<string, string | number | boolean | undefined>;

export interface RegistryClientOptions {
  /** Base URL; default `CHARTER_REGISTRY_URL`. Credentials in the URL (`http://u:p@host`) become basic auth. */
  url?: string;
  /** Default: `CHARTER_REGISTRY_TOKEN`, else `CHARTER_REGISTRY_USER` + `CHARTER_REGISTRY_PASSWORD`. */
  auth?: RegistryAuth;
  /** Retries after the first attempt on 408/429/5xx and network errors (default 3). */
  retries?: number;
  /** First backoff delay in ms (default 100), doubled per retry with jitter. */
  retryDelayMs?: number;
  /** Cap on one backoff delay, also on `Retry-After` (default 5000). */
  maxRetryDelayMs?: number;
  /** Timeout of one attempt in ms (default 30000). */
  timeoutMs?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** The fetch to use (default the global one). */
  fetch?: FetchLike;
  /** Where to read the CHARTER_REGISTRY_* variables (default `process.env`). */
  env?: Env;
}

export type VersionRef = number | 'latest';

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Whether a request that never got an answer may be sent again (false for deletes). */
  idempotent?: boolean;
}

function processEnv(): Env {
  return typeof process === 'undefined' ? {} : process.env;
}

function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== false) parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

async function errorFromResponse(response: Response, request: string): Promise<RegistryError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    if (body && typeof body === 'object') {
      const code = typeof body.error_code === 'number' ? body.error_code : response.status;
      const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
      return new RegistryError(response.status, code, message, request);
    }
  } catch {
    // not JSON: fall through to the status line
  }
  const detail = text.trim().slice(0, 200);
  const message = `HTTP ${response.status} ${response.statusText}${detail ? `: ${detail}` : ''}`;
  return new RegistryError(response.status, response.status, message, request);
}

/**
 * A typed client for the Confluent Schema Registry REST API (Confluent, Karapace, Redpanda, Apicurio's
 * ccompat API, `charter registry serve`). Every method throws `RegistryError` on failure.
 */
export class RegistryClient {
  readonly url: string;
  readonly #authorization: string | undefined;
  readonly #fetch: FetchLike;
  readonly #retries: number;
  readonly #baseDelay: number;
  readonly #maxDelay: number;
  readonly #timeout: number;
  readonly #headers: Record<string, string>;

  constructor(options: RegistryClientOptions = {}) {
    const env = options.env ?? processEnv();
    const raw = options.url ?? env[REGISTRY_ENV.url];
    if (!raw) {
      throw new RegistryError(0, 0, `no registry URL: pass { url } or set ${REGISTRY_ENV.url}`);
    }
    let split: ReturnType<typeof splitUrlCredentials>;
    try {
      split = splitUrlCredentials(raw);
    } catch {
      throw new RegistryError(0, 0, 'invalid registry URL');
    }
    this.url = split.url;
    const auth = options.auth ?? split.auth ?? authFromEnv(env);
    this.#authorization = auth ? authorizationHeader(auth) : undefined;
    const f = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (!f) throw new RegistryError(0, 0, 'no fetch available: pass { fetch }');
    this.#fetch = f;
    this.#retries = Math.max(0, options.retries ?? 3);
    this.#baseDelay = options.retryDelayMs ?? 100;
    this.#maxDelay = options.maxRetryDelayMs ?? 5000;
    this.#timeout = options.timeoutMs ?? 30_000;
    this.#headers = { ...options.headers };
  }

  // ---- schemas and subjects ----

  /** Registers a schema under a subject (idempotent: an existing schema keeps its id). */
  register(
    subject: string,
    schema: SchemaInput,
    options: { normalize?: boolean } = {},
  ): Promise<RegisterResult> {
    return this.request('POST', `/subjects/${seg(subject)}/versions`, {
      query: { normalize: options.normalize },
      body: toSchemaRequest(schema),
    });
  }

  /** Finds a schema among a subject's versions; 404 (40401 subject, 40403 schema) when absent. */
  lookupSchema(
    subject: string,
    schema: SchemaInput,
    options: { normalize?: boolean; deleted?: boolean } = {},
  ): Promise<SubjectVersionSchema> {
    return this.request('POST', `/subjects/${seg(subject)}`, {
      query: { normalize: options.normalize, deleted: options.deleted },
      body: toSchemaRequest(schema),
    });
  }

  /** The schema with a global id (what a deserializer needs). */
  getSchemaById(id: number, options: { subject?: string; fetchMaxId?: boolean } = {}): Promise<SchemaById> {
    return this.request('GET', `/schemas/ids/${seg(id)}`, {
      query: { subject: options.subject, fetchMaxId: options.fetchMaxId },
    });
  }

  /** Subjects that hold the schema with this id. */
  getSubjectsById(id: number, options: { deleted?: boolean } = {}): Promise<string[]> {
    return this.request('GET', `/schemas/ids/${seg(id)}/subjects`, { query: { deleted: options.deleted } });
  }

  /** Subject versions that hold the schema with this id. */
  getVersionsById(id: number, options: { deleted?: boolean } = {}): Promise<SubjectVersion[]> {
    return this.request('GET', `/schemas/ids/${seg(id)}/versions`, { query: { deleted: options.deleted } });
  }

  getSchemaTypes(): Promise<string[]> {
    return this.request('GET', '/schemas/types');
  }

  getSubjects(
    options: { deleted?: boolean; deletedOnly?: boolean; subjectPrefix?: string } = {},
  ): Promise<string[]> {
    return this.request('GET', '/subjects', { query: { ...options } });
  }

  getVersions(
    subject: string,
    options: { deleted?: boolean; deletedOnly?: boolean } = {},
  ): Promise<number[]> {
    return this.request('GET', `/subjects/${seg(subject)}/versions`, { query: { ...options } });
  }

  getSchemaByVersion(
    subject: string,
    version: VersionRef,
    options: { deleted?: boolean } = {},
  ): Promise<SubjectVersionSchema> {
    return this.request('GET', `/subjects/${seg(subject)}/versions/${seg(version)}`, {
      query: { deleted: options.deleted },
    });
  }

  getLatestSchema(subject: string): Promise<SubjectVersionSchema> {
    return this.getSchemaByVersion(subject, 'latest');
  }

  /** Ids of the schemas that reference this version. */
  getReferencedBy(subject: string, version: VersionRef): Promise<number[]> {
    return this.request('GET', `/subjects/${seg(subject)}/versions/${seg(version)}/referencedby`);
  }

  /** Soft-deletes (or with `permanent`, hard-deletes a soft-deleted) subject; returns its versions. */
  deleteSubject(subject: string, options: { permanent?: boolean } = {}): Promise<number[]> {
    return this.request('DELETE', `/subjects/${seg(subject)}`, {
      query: { permanent: options.permanent },
      idempotent: false,
    });
  }

  deleteVersion(
    subject: string,
    version: VersionRef,
    options: { permanent?: boolean } = {},
  ): Promise<number> {
    return this.request('DELETE', `/subjects/${seg(subject)}/versions/${seg(version)}`, {
      query: { permanent: options.permanent },
      idempotent: false,
    });
  }

  // ---- compatibility ----

  /**
   * Tests a schema against a subject under its compatibility level. With `version` (a number or
   * `latest`) only that version is compared; without, every version the level asks for, as register
   * would (registries without that endpoint, such as Karapace, are asked against `latest` instead).
   */
  async testCompatibility(
    subject: string,
    schema: SchemaInput,
    options: { version?: VersionRef; verbose?: boolean; normalize?: boolean } = {},
  ): Promise<CompatibilityResult> {
    const query = { verbose: options.verbose, normalize: options.normalize };
    const body = toSchemaRequest(schema);
    const base = `/compatibility/subjects/${seg(subject)}/versions`;
    if (options.version !== undefined) {
      return this.request('POST', `${base}/${seg(options.version)}`, { query, body });
    }
    try {
      return await this.request('POST', base, { query, body });
    } catch (error) {
      const missingRoute =
        error instanceof RegistryError &&
        (error.status === 405 || (error.status === 404 && error.errorCode === 404));
      if (!missingRoute) throw error;
      return this.request('POST', `${base}/latest`, { query, body });
    }
  }

  // ---- config ----

  /** The global config (no subject) or a subject's own; 404/40408 when the subject has none. */
  getConfig(subject?: string, options: { defaultToGlobal?: boolean } = {}): Promise<RegistryConfig> {
    const path = subject === undefined ? '/config' : `/config/${seg(subject)}`;
    return this.request('GET', path, { query: { defaultToGlobal: options.defaultToGlobal } });
  }

  /** Sets the global (no subject) or a subject's config; a bare level sets only the level. */
  setConfig(subject: string | undefined, update: ConfigUpdate | CompatibilityLevel): Promise<ConfigUpdate> {
    const body = typeof update === 'string' ? { compatibility: update } : update;
    const path = subject === undefined ? '/config' : `/config/${seg(subject)}`;
    return this.request('PUT', path, { body });
  }

  /** Removes the global or a subject's config; returns what it was. */
  deleteConfig(subject?: string): Promise<RegistryConfig> {
    const path = subject === undefined ? '/config' : `/config/${seg(subject)}`;
    return this.request('DELETE', path, { idempotent: false });
  }

  /** The level that applies to a subject: its own, else the global one. */
  async getCompatibilityLevel(subject?: string): Promise<CompatibilityLevel> {
    let config: RegistryConfig;
    if (subject === undefined) {
      config = await this.getConfig();
    } else {
      try {
        config = await this.getConfig(subject, { defaultToGlobal: true });
      } catch (error) {
        // Registries older than defaultToGlobal answer 404 for a subject without its own level.
        if (!(error instanceof RegistryError && error.status === 404)) throw error;
        config = await this.getConfig();
      }
    }
    const level =
      config.compatibilityLevel ?? (config as { compatibility?: CompatibilityLevel }).compatibility;
    return level ?? 'BACKWARD';
  }

  // ---- mode ----

  async getMode(subject?: string, options: { defaultToGlobal?: boolean } = {}): Promise<Mode> {
    const path = subject === undefined ? '/mode' : `/mode/${seg(subject)}`;
    const body = await this.request<{ mode: Mode }>('GET', path, {
      query: { defaultToGlobal: options.defaultToGlobal },
    });
    return body.mode;
  }

  async setMode(subject: string | undefined, mode: Mode, options: { force?: boolean } = {}): Promise<Mode> {
    const path = subject === undefined ? '/mode' : `/mode/${seg(subject)}`;
    const body = await this.request<{ mode: Mode }>('PUT', path, {
      query: { force: options.force },
      body: { mode },
    });
    return body.mode;
  }

  async deleteMode(subject: string): Promise<Mode> {
    const body = await this.request<{ mode: Mode }>('DELETE', `/mode/${seg(subject)}`, { idempotent: false });
    return body.mode;
  }

  // ---- transport ----

  /** Sends one request with retries; resolves to the parsed JSON body. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const target = `${this.url}${path}${queryString(options.query)}`;
    const label = `${method} ${path}`;
    const headers: Record<string, string> = { Accept: ACCEPT, ...this.#headers };
    if (this.#authorization) headers.Authorization = this.#authorization;
    let payload: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = CONTENT_TYPE;
      payload = JSON.stringify(options.body);
    }
    const idempotent = options.idempotent ?? true;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        const init: RequestInit = { method, headers, signal: AbortSignal.timeout(this.#timeout) };
        if (payload !== undefined) init.body = payload;
        response = await this.#fetch(target, init);
      } catch (cause) {
        if (idempotent && attempt < this.#retries) {
          await sleep(backoffDelay(attempt, { baseDelayMs: this.#baseDelay, maxDelayMs: this.#maxDelay }));
          continue;
        }
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new RegistryError(0, 0, `cannot reach the registry at ${this.url}: ${reason}`, label, {
          cause,
        });
      }
      if (response.ok) return (await this.#parse(response, label)) as T;
      if (isRetryableStatus(response.status) && attempt < this.#retries) {
        const wait =
          retryAfterMs(response.headers.get('retry-after'), this.#maxDelay) ??
          backoffDelay(attempt, { baseDelayMs: this.#baseDelay, maxDelayMs: this.#maxDelay });
        await response.body?.cancel().catch(() => undefined);
        await sleep(wait);
        continue;
      }
      throw await errorFromResponse(response, label);
    }
  }

  async #parse(response: Response, label: string): Promise<unknown> {
    const text = await response.text();
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new RegistryError(response.status, 50005, 'the registry answered with invalid JSON', label, {
        cause,
      });
    }
  }
}
