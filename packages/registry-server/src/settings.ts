import type { RegistryCore } from './core.js';
import { Errors } from './errors.js';
import { isReadOnly, parseLevel, parseMode } from './levels.js';
import type { JsonMap, StoredConfig } from './store/ops.js';

const BOOLEAN_KEYS = ['normalize', 'validateFields'] as const;
const STRING_KEYS = ['alias', 'compatibilityGroup', 'compatibilityPolicy'] as const;
const MAP_KEYS = ['defaultMetadata', 'overrideMetadata', 'defaultRuleSet', 'overrideRuleSet'] as const;

function isMap(value: unknown): value is JsonMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function bodyMap(body: unknown): JsonMap {
  if (body === undefined || body === null) return {};
  if (!isMap(body)) throw Errors.badRequest('The request body must be a JSON object');
  return body;
}

/** `GET /config` or `GET /config/{s}`. */
export function getConfig(
  core: RegistryCore,
  subject: string | null,
  defaultToGlobal: boolean,
): StoredConfig {
  if (subject === null) return core.globalConfig();
  if (defaultToGlobal) return core.effectiveConfig(subject);
  const own = core.state.subjectConfigs.get(subject);
  if (!own) throw Errors.subjectLevelCompatibilityNotConfigured(subject);
  return own;
}

/**
 * `PUT /config[/{s}]`: keys left out keep their value, `null` clears one. Answers the update as
 * ConfigUpdateRequest (`{"compatibility": …}`).
 */
export async function putConfig(core: RegistryCore, subject: string | null, body: unknown): Promise<JsonMap> {
  const map = bodyMap(body);
  if (subject !== null) core.checkSubjectName(subject);
  const next: StoredConfig = {
    ...(subject === null ? core.state.globalConfig : core.state.subjectConfigs.get(subject)),
  };
  const echo: JsonMap = {};
  const levelValue = map.compatibility !== undefined ? map.compatibility : map.compatibilityLevel;
  if (levelValue === null) delete next.compatibilityLevel;
  else if (levelValue !== undefined) {
    next.compatibilityLevel = parseLevel(levelValue);
    echo.compatibility = next.compatibilityLevel;
  }
  for (const key of BOOLEAN_KEYS) {
    const value = map[key];
    if (value === null) delete next[key];
    else if (typeof value === 'boolean') echo[key] = next[key] = value;
    else if (value !== undefined) throw Errors.badRequest(`"${key}" must be a boolean`);
  }
  for (const key of STRING_KEYS) {
    const value = map[key];
    if (value === null) delete next[key];
    else if (typeof value === 'string') echo[key] = next[key] = value;
    else if (value !== undefined) throw Errors.badRequest(`"${key}" must be a string`);
  }
  for (const key of MAP_KEYS) {
    const value = map[key];
    if (value === null) delete next[key];
    else if (isMap(value)) echo[key] = next[key] = value;
    else if (value !== undefined) throw Errors.badRequest(`"${key}" must be an object`);
  }
  const mode = subject === null ? core.globalMode() : core.effectiveMode(subject);
  if (isReadOnly(mode)) throw Errors.readOnly(subject ?? undefined);
  const empty = Object.keys(next).length === 0;
  await core.commit([{ op: 'config', subject, config: empty ? null : next }]);
  return echo;
}

/** `DELETE /config[/{s}]`: answers what was set. */
export async function deleteConfig(core: RegistryCore, subject: string | null): Promise<StoredConfig> {
  const mode = subject === null ? core.globalMode() : core.effectiveMode(subject);
  if (isReadOnly(mode)) throw Errors.readOnly(subject ?? undefined);
  if (subject === null) {
    const previous = core.globalConfig();
    await core.commit([{ op: 'config', subject: null, config: null }]);
    return previous;
  }
  const own = core.state.subjectConfigs.get(subject);
  if (!own) throw Errors.subjectNotFound(subject);
  await core.commit([{ op: 'config', subject, config: null }]);
  return own;
}

export function getMode(core: RegistryCore, subject: string | null, defaultToGlobal: boolean): JsonMap {
  if (subject === null) return { mode: core.globalMode() };
  if (defaultToGlobal) return { mode: core.effectiveMode(subject) };
  const own = core.state.subjectModes.get(subject);
  if (!own) throw Errors.subjectLevelModeNotConfigured(subject);
  return { mode: own };
}

/** `PUT /mode[/{s}]`; IMPORT needs an empty scope unless `force`. */
export async function putMode(
  core: RegistryCore,
  subject: string | null,
  body: unknown,
  force: boolean,
): Promise<JsonMap> {
  const map = bodyMap(body);
  if (subject !== null) core.checkSubjectName(subject);
  if (map.mode === null || map.mode === undefined) {
    await core.commit([{ op: 'mode', subject, mode: null }]);
    return {};
  }
  const mode = parseMode(map.mode);
  if (mode === 'FORWARD' && subject !== null) throw Errors.invalidMode();
  if (mode === 'IMPORT' && !force) {
    const busy =
      subject === null
        ? [...core.state.subjects.values()].some((s) => s.hasLive())
        : core.state.subjects.get(subject)?.hasLive() === true;
    if (busy) throw Errors.importNotEmpty();
  }
  await core.commit([{ op: 'mode', subject, mode }]);
  return { mode };
}

export async function deleteMode(core: RegistryCore, subject: string | null): Promise<JsonMap> {
  if (subject === null) {
    const previous = core.globalMode();
    await core.commit([{ op: 'mode', subject: null, mode: null }]);
    return { mode: previous };
  }
  const own = core.state.subjectModes.get(subject);
  if (!own) throw Errors.subjectNotFound(subject);
  await core.commit([{ op: 'mode', subject, mode: null }]);
  return { mode: own };
}
