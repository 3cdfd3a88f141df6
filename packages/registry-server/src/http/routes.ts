import { testCompatibility } from '../compatibility.js';
import { type RegistryCore, SUPPORTED_TYPES } from '../core.js';
import { deleteSubject, deleteVersion } from '../deletes.js';
import { Errors } from '../errors.js';
import {
  getVersion,
  latestWithMetadata,
  listSchemas,
  listSubjects,
  listVersions,
  referencedBy,
  resolveVersion,
  schemaById,
  schemaByIdBody,
  subjectsById,
  versionsById,
} from '../reads.js';
import { lookup, register } from '../register.js';
import { readSchemaRequest } from '../request-body.js';
import { parseSchemaId } from '../schema-id.js';
import { deleteConfig, deleteMode, getConfig, getMode, putConfig, putMode } from '../settings.js';
import { parseVersionId } from '../version-id.js';
import type { Query } from './query.js';

/** A JSON text to send as it is (a stored schema is already JSON). */
export class RawJson {
  constructor(readonly text: string) {}
}

export interface Call {
  core: RegistryCore;
  /** Decoded path parameters, in order. */
  params: string[];
  query: Query;
  body(): Promise<unknown>;
}

/** A handler answers a JSON value, a ready Buffer, or `RawJson`. */
type Handler = (call: Call) => unknown;

interface Route {
  /** Literal segments, or `*` for a parameter. */
  pattern: string[];
  methods: Record<string, Handler>;
}

/** A schema id path segment; anything else is a plain 404. */
function schemaId(text: string): number {
  const id = parseSchemaId(text);
  if (id === undefined) throw Errors.httpNotFound();
  return id;
}

const root: Handler = () => ({});

export const ROUTES: Route[] = [
  { pattern: [], methods: { GET: root, POST: root } },
  {
    pattern: ['schemas', 'ids', '*'],
    methods: {
      GET: ({ core, params, query }) => schemaByIdBody(core, schemaId(params[0]!), query.flag('fetchMaxId')),
    },
  },
  {
    pattern: ['schemas', 'ids', '*', 'schema'],
    methods: { GET: ({ core, params }) => new RawJson(schemaById(core, schemaId(params[0]!)).schema) },
  },
  {
    pattern: ['schemas', 'ids', '*', 'subjects'],
    methods: {
      GET: ({ core, params, query }) =>
        subjectsById(core, schemaId(params[0]!), query.flag('deleted'), query.page()),
    },
  },
  {
    pattern: ['schemas', 'ids', '*', 'versions'],
    methods: {
      GET: ({ core, params, query }) =>
        versionsById(core, schemaId(params[0]!), query.flag('deleted'), query.page()),
    },
  },
  { pattern: ['schemas', 'types'], methods: { GET: () => [...SUPPORTED_TYPES] } },
  {
    pattern: ['schemas'],
    methods: {
      GET: ({ core, query }) =>
        listSchemas(core, {
          prefix: query.get('subjectPrefix') ?? '',
          deleted: query.flag('deleted'),
          latestOnly: query.flag('latestOnly'),
          ...query.page(1000),
        }),
    },
  },
  {
    pattern: ['subjects'],
    methods: {
      GET: ({ core, query }) =>
        listSubjects(core, {
          prefix: query.get('subjectPrefix') ?? '',
          deleted: query.flag('deleted'),
          deletedOnly: query.flag('deletedOnly'),
          ...query.page(),
        }),
    },
  },
  {
    pattern: ['subjects', '*'],
    methods: {
      POST: async ({ core, params, query, body }) =>
        lookup(core, params[0]!, readSchemaRequest(await body()), {
          normalize: query.flag('normalize'),
          deleted: query.flag('deleted'),
        }),
      DELETE: ({ core, params, query }) => deleteSubject(core, params[0]!, query.flag('permanent')),
    },
  },
  {
    pattern: ['subjects', '*', 'metadata'],
    methods: {
      GET: ({ core, params, query }) => {
        const keys = query.getAll('key');
        const values = query.getAll('value');
        const pairs = keys.map((k, i): [string, string] => [k, values[i] ?? '']);
        return latestWithMetadata(core, params[0]!, pairs, query.flag('deleted'));
      },
    },
  },
  {
    pattern: ['subjects', '*', 'versions'],
    methods: {
      GET: ({ core, params, query }) =>
        listVersions(core, params[0]!, {
          deleted: query.flag('deleted'),
          deletedOnly: query.flag('deletedOnly'),
          deletedAsNegative: query.flag('deletedAsNegative'),
          ...query.page(),
        }),
      POST: async ({ core, params, query, body }) =>
        register(core, params[0]!, readSchemaRequest(await body()), {
          normalize: query.flag('normalize'),
          force: query.flag('force'),
        }),
    },
  },
  {
    pattern: ['subjects', '*', 'versions', '*'],
    methods: {
      GET: ({ core, params, query }) =>
        getVersion(core, params[0]!, parseVersionId(params[1]!), query.flag('deleted')),
      DELETE: ({ core, params, query }) =>
        deleteVersion(core, params[0]!, parseVersionId(params[1]!), query.flag('permanent')),
    },
  },
  {
    pattern: ['subjects', '*', 'versions', '*', 'schema'],
    methods: {
      GET: ({ core, params, query }) =>
        new RawJson(
          resolveVersion(core, params[0]!, parseVersionId(params[1]!), query.flag('deleted')).schema.schema,
        ),
    },
  },
  {
    pattern: ['subjects', '*', 'versions', '*', 'referencedby'],
    methods: {
      GET: ({ core, params, query }) =>
        referencedBy(core, params[0]!, parseVersionId(params[1]!), query.page()),
    },
  },
  {
    pattern: ['compatibility', 'subjects', '*', 'versions'],
    methods: {
      POST: async ({ core, params, query, body }) =>
        testCompatibility(core, params[0]!, undefined, readSchemaRequest(await body()), {
          verbose: query.flag('verbose'),
          normalize: query.flag('normalize'),
        }),
    },
  },
  {
    pattern: ['compatibility', 'subjects', '*', 'versions', '*'],
    methods: {
      POST: async ({ core, params, query, body }) => {
        const version = parseVersionId(params[1]!);
        return testCompatibility(core, params[0]!, version, readSchemaRequest(await body()), {
          verbose: query.flag('verbose'),
          normalize: query.flag('normalize'),
        });
      },
    },
  },
  {
    pattern: ['config'],
    methods: {
      GET: ({ core }) => getConfig(core, null, true),
      PUT: async ({ core, body }) => putConfig(core, null, await body()),
      DELETE: ({ core }) => deleteConfig(core, null),
    },
  },
  {
    pattern: ['config', '*'],
    methods: {
      GET: ({ core, params, query }) => getConfig(core, params[0]!, query.flag('defaultToGlobal')),
      PUT: async ({ core, params, body }) => putConfig(core, params[0]!, await body()),
      DELETE: ({ core, params }) => deleteConfig(core, params[0]!),
    },
  },
  {
    pattern: ['mode'],
    methods: {
      GET: ({ core }) => getMode(core, null, true),
      PUT: async ({ core, query, body }) => putMode(core, null, await body(), query.flag('force')),
      DELETE: ({ core }) => deleteMode(core, null),
    },
  },
  {
    pattern: ['mode', '*'],
    methods: {
      GET: ({ core, params, query }) => getMode(core, params[0]!, query.flag('defaultToGlobal')),
      PUT: async ({ core, params, query, body }) =>
        putMode(core, params[0]!, await body(), query.flag('force')),
      DELETE: ({ core, params }) => deleteMode(core, params[0]!),
    },
  },
  { pattern: ['contexts'], methods: { GET: () => ['.'] } },
];

/** The route for a path, with its parameters; undefined for an unknown path. */
export function matchRoute(segments: readonly string[]): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    const { pattern } = route;
    if (pattern.length !== segments.length) continue;
    const params: string[] = [];
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i]!;
      const s = segments[i]!;
      if (p === '*') params.push(s);
      else if (p !== s) {
        ok = false;
        break;
      }
    }
    if (ok) return { route, params };
  }
  return undefined;
}
