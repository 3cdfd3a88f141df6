/** The environment variables the publish step reads its registry from, in order. */
export const PUBLISH_REGISTRY_ENV = [
  'CHARTER_PUBLISH_REGISTRY',
  'NPM_CONFIG_REGISTRY',
  'npm_config_registry',
] as const;

/** The registry to publish to: the flag, else the first of PUBLISH_REGISTRY_ENV that is set. */
export function publishRegistry(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (flag) return flag;
  for (const name of PUBLISH_REGISTRY_ENV) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}
