/** Credentials for the registry: HTTP basic or a bearer token. */
export type RegistryAuth = { username: string; password: string } | { token: string };

/** Environment variables the client reads when no option is given. */
export const REGISTRY_ENV = {
  url: 'CHARTER_REGISTRY_URL',
  user: 'CHARTER_REGISTRY_USER',
  password: 'CHARTER_REGISTRY_PASSWORD',
  token: 'CHARTER_REGISTRY_TOKEN',
} as const;

type Env = Record<string, string | undefined>;

/** Auth from the environment: a token wins over a user and password. */
export function authFromEnv(env: Env): RegistryAuth | undefined {
  const token = env[REGISTRY_ENV.token];
  if (token) return { token };
  const username = env[REGISTRY_ENV.user];
  if (username) return { username, password: env[REGISTRY_ENV.password] ?? '' };
  return undefined;
}

/** The `Authorization` header value for the credentials. */
export function authorizationHeader(auth: RegistryAuth): string {
  if ('token' in auth) return `Bearer ${auth.token}`;
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * Splits `http://user:pass@host:8081/base` into the URL without credentials (fetch refuses them) and
 * the credentials themselves.
 */
export function splitUrlCredentials(url: string): { url: string; auth?: RegistryAuth } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url: parsed.href.replace(/\/+$/, '') };
  const auth = {
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.href.replace(/\/+$/, ''), auth };
}
