import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Diagnostic, LineIndex, type Range } from '@charter/diagnostics';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { ConfigCode } from './codes.js';
import {
  COMPATIBILITY_LEVELS,
  type CompatibilityLevel,
  type ContractIndex,
  type EventEntry,
  type Role,
  SUBJECT_STRATEGIES,
  type SubjectStrategy,
  type TopicSettings,
} from './model.js';

export const CONFIG_FILE = 'charter.yaml';

export interface LoadResult {
  index: ContractIndex | undefined;
  diagnostics: Diagnostic[];
}

class Validator {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lines: LineIndex;

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  report(node: Node | null | undefined, code: string, message: string, hint?: string): void {
    const d: Diagnostic = { code, severity: 'error', message, file: this.file };
    if (node?.range) d.range = this.lines.rangeOf(node.range[0], node.range[1]);
    if (hint) d.hint = hint;
    this.diagnostics.push(d);
  }

  rangeOf(node: Node | undefined): Range | undefined {
    return node?.range ? this.lines.rangeOf(node.range[0], node.range[1]) : undefined;
  }

  lineOf(node: Node): number | undefined {
    return node.range ? this.lines.positionAt(node.range[0]).line : undefined;
  }

  map(node: unknown, where: string, keys: readonly string[]): YAMLMap | undefined {
    if (!isMap(node)) {
      this.report(node as Node, ConfigCode.WrongType, `${where} must be a mapping`);
      return undefined;
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!keys.includes(key)) {
        this.report(
          pair.key as Node,
          ConfigCode.UnknownKey,
          `unknown key "${key}" in ${where}`,
          `expected one of: ${keys.join(', ')}`,
        );
      }
    }
    return node;
  }

  string(map: YAMLMap, key: string, where: string): string | undefined {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') {
      this.report(node, ConfigCode.WrongType, `${where}.${key} must be a non-empty string`);
      return undefined;
    }
    return node.value;
  }

  oneOf<T extends string>(map: YAMLMap, key: string, where: string, allowed: readonly T[]): T | undefined {
    const value = this.string(map, key, where);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) {
      this.report(
        map.get(key, true) as Node,
        ConfigCode.InvalidValue,
        `${where}.${key} is "${value}"`,
        `expected one of: ${allowed.join(', ')}`,
      );
      return undefined;
    }
    return value as T;
  }

  positiveInt(map: YAMLMap, key: string, where: string): number | undefined {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined) return undefined;
    if (
      !isScalar(node) ||
      typeof node.value !== 'number' ||
      !Number.isInteger(node.value) ||
      node.value < 1
    ) {
      this.report(node, ConfigCode.WrongType, `${where}.${key} must be a positive integer`);
      return undefined;
    }
    return node.value;
  }

  strings(map: YAMLMap, key: string, where: string): string[] {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined) return [];
    if (!isSeq(node)) {
      this.report(node, ConfigCode.WrongType, `${where}.${key} must be a list of strings`);
      return [];
    }
    return node.items.flatMap((item) => {
      if (isScalar(item) && typeof item.value === 'string') return [item.value];
      this.report(item as Node, ConfigCode.WrongType, `${where}.${key} must be a list of strings`);
      return [];
    });
  }
}

const TOP_KEYS = [
  'idl',
  'importPaths',
  'output',
  'scope',
  'registry',
  'defaults',
  'codegen',
  'events',
] as const;
const LONGS = ['number', 'bigint'] as const;
const EVENT_KEYS = [
  'schema',
  'topic',
  'role',
  'subjectStrategy',
  'compatibility',
  'package',
  'topicSettings',
] as const;
const TOPIC_KEYS = ['partitions', 'replicationFactor', 'minInsyncReplicas'] as const;
const ROLES: readonly Role[] = ['key', 'value'];

function readEvent(v: Validator, node: unknown, i: number): EventEntry | undefined {
  const where = `events[${i}]`;
  const map = v.map(node, where, EVENT_KEYS);
  if (!map) return undefined;
  const schema = v.string(map, 'schema', where);
  if (schema === undefined) {
    if (!map.has('schema'))
      v.report(map, ConfigCode.WrongType, `${where} needs "schema": the full name of the event's record`);
    return undefined;
  }
  const entry: EventEntry = { schema };
  const line = v.lineOf(map);
  if (line !== undefined) entry.line = line;
  const topic = v.string(map, 'topic', where);
  if (topic !== undefined) entry.topic = topic;
  const role = v.oneOf(map, 'role', where, ROLES);
  if (role) entry.role = role;
  const strategy = v.oneOf(map, 'subjectStrategy', where, SUBJECT_STRATEGIES);
  if (strategy) entry.subjectStrategy = strategy;
  const level = v.oneOf(map, 'compatibility', where, COMPATIBILITY_LEVELS);
  if (level) entry.compatibility = level;
  const pkg = v.string(map, 'package', where);
  if (pkg !== undefined) {
    if (/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(pkg)) entry.package = pkg;
    else
      v.report(
        map.get('package', true) as Node,
        ConfigCode.InvalidValue,
        `${where}.package "${pkg}" is not a valid npm package name`,
      );
  }
  const topicNode = map.get('topicSettings', true);
  if (topicNode !== undefined) {
    const tmap = v.map(topicNode, `${where}.topicSettings`, TOPIC_KEYS);
    if (tmap) {
      const settings: TopicSettings = {};
      const ranges: NonNullable<EventEntry['topicSettingRanges']> = {};
      for (const key of TOPIC_KEYS) {
        const n = v.positiveInt(tmap, key, `${where}.topicSettings`);
        if (n === undefined) continue;
        settings[key] = n;
        const range = v.rangeOf(tmap.get(key, true) as Node | undefined);
        if (range) ranges[key] = range;
      }
      entry.topicSettings = settings;
      entry.topicSettingRanges = ranges;
    }
  }
  return entry;
}

/** Parses and validates charter.yaml text. Paths are resolved against `file`'s directory. */
export function parseContractIndex(text: string, file: string): LoadResult {
  const v = new Validator(file, text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  for (const error of doc.errors) {
    const d: Diagnostic = {
      code: ConfigCode.InvalidYaml,
      severity: 'error',
      message: error.message.split('\n')[0]!,
      file,
    };
    const lines = new LineIndex(text);
    d.range = lines.rangeOf(error.pos[0], error.pos[1]);
    v.diagnostics.push(d);
  }
  if (doc.errors.length > 0) return { index: undefined, diagnostics: v.diagnostics };
  const root = doc.contents === null ? undefined : v.map(doc.contents, 'charter.yaml', TOP_KEYS);
  const dir = dirname(resolve(file));
  const index: ContractIndex = {
    file: resolve(file),
    root: dir,
    idl: resolve(dir, 'idl'),
    importPaths: [],
    output: resolve(dir, 'generated'),
    scope: '@events',
    registryUrl: undefined,
    defaults: { role: 'value', subjectStrategy: 'TopicNameStrategy', compatibility: 'BACKWARD' },
    events: [],
    codegen: { longs: 'number' },
  };
  if (root) {
    const idl = v.string(root, 'idl', 'charter.yaml');
    if (idl) index.idl = resolve(dir, idl);
    index.importPaths = v.strings(root, 'importPaths', 'charter.yaml').map((p) => resolve(dir, p));
    const output = v.string(root, 'output', 'charter.yaml');
    if (output) index.output = resolve(dir, output);
    const scope = v.string(root, 'scope', 'charter.yaml');
    if (scope !== undefined) {
      if (/^@[a-z0-9-~][a-z0-9-._~]*$/.test(scope)) index.scope = scope;
      else
        v.report(
          root.get('scope', true) as Node,
          ConfigCode.InvalidValue,
          `scope "${scope}" is not an npm scope`,
          'write it like @acme-events',
        );
    }
    const registry = root.get('registry', true);
    if (registry !== undefined) {
      const rmap = v.map(registry, 'registry', ['url']);
      const url = rmap && v.string(rmap, 'url', 'registry');
      if (url !== undefined) index.registryUrl = url;
    }
    const defaults = root.get('defaults', true);
    if (defaults !== undefined) {
      const dmap = v.map(defaults, 'defaults', ['role', 'subjectStrategy', 'compatibility']);
      if (dmap) {
        index.defaults.role = v.oneOf(dmap, 'role', 'defaults', ROLES) ?? index.defaults.role;
        index.defaults.subjectStrategy =
          v.oneOf<SubjectStrategy>(dmap, 'subjectStrategy', 'defaults', SUBJECT_STRATEGIES) ??
          index.defaults.subjectStrategy;
        index.defaults.compatibility =
          v.oneOf<CompatibilityLevel>(dmap, 'compatibility', 'defaults', COMPATIBILITY_LEVELS) ??
          index.defaults.compatibility;
      }
    }
    const codegen = root.get('codegen', true);
    if (codegen !== undefined) {
      const cmap = v.map(codegen, 'codegen', ['longs']);
      const longs = cmap && v.oneOf(cmap, 'longs', 'codegen', LONGS);
      if (longs) index.codegen = { longs };
    }
    const events = root.get('events', true);
    if (events !== undefined) {
      if (!isSeq(events)) v.report(events as Node, ConfigCode.WrongType, 'events must be a list');
      else {
        const seen = new Set<string>();
        events.items.forEach((node, i) => {
          const entry = readEvent(v, node, i);
          if (!entry) return;
          if (seen.has(entry.schema)) {
            v.report(node as Node, ConfigCode.DuplicateEvent, `event ${entry.schema} is listed twice`);
            return;
          }
          seen.add(entry.schema);
          index.events.push(entry);
        });
      }
    }
  }
  const envUrl = process.env.CHARTER_REGISTRY_URL;
  if (envUrl) index.registryUrl = envUrl;
  return { index: v.diagnostics.length > 0 ? undefined : index, diagnostics: v.diagnostics };
}

/** Reads and validates a charter.yaml file. */
export function loadContractIndex(file: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {
      index: undefined,
      diagnostics: [{ code: ConfigCode.NotFound, severity: 'error', message: `cannot read ${file}`, file }],
    };
  }
  return parseContractIndex(text, file);
}
