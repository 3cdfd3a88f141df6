import { relative } from 'node:path';
import { checkLevel } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import type { ProjectEvent } from '@charter/project';
import { type CompatibilityLevel, isNotFound, type RegistryClient } from '@charter/registry-client';
import { stringifyJson } from '@charter/schema';
import { RegistryCode } from './codes.js';

/** What `charter register` finds for one event before it writes anything. */
export interface EventPlan {
  event: ProjectEvent;
  subject: string;
  /** The schema text sent to the registry. */
  text: string;
  /** The level charter.yaml asks for. */
  level: CompatibilityLevel;
  /** The subject's own level in the registry, if it has one. */
  ownLevel: CompatibilityLevel | undefined;
  /** The level the registry applies now (own or global). */
  effectiveLevel: CompatibilityLevel;
  /** Set when the schema is already a version of the subject. */
  existing?: { version: number; id: number };
  /** For a new schema: the verdict under `level`, with Confluent's messages. */
  verdict?: { compatible: boolean; messages: string[] };
}

async function ownLevel(client: RegistryClient, subject: string): Promise<CompatibilityLevel | undefined> {
  return (await orNone(client.getConfig(subject), undefined))?.compatibilityLevel;
}

/** A registry read that finds nothing: the subject (or its latest version) does not exist. */
async function orNone<T>(read: Promise<T>, none: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return none;
    throw error;
  }
}

/**
 * The live versions of a subject that `level` compares a new schema with, oldest first: none under
 * NONE, the latest under a non-transitive level, every one (fetched in parallel) under a transitive one.
 */
export async function comparedVersions(
  client: RegistryClient,
  subject: string,
  level: CompatibilityLevel,
): Promise<{ version: number; schema: string }[]> {
  if (level === 'NONE') return [];
  if (!level.endsWith('_TRANSITIVE')) {
    const latest = await orNone(client.getLatestSchema(subject), undefined);
    return latest ? [{ version: latest.version, schema: latest.schema }] : [];
  }
  const versions = await orNone(client.getVersions(subject), []);
  return Promise.all(
    versions.map(async (version) => ({
      version,
      schema: (await client.getSchemaByVersion(subject, version)).schema,
    })),
  );
}

/**
 * Reads what the registry holds for one event. When the subject's level is about to change, the
 * verdict is computed here under the new level (the registry would answer under the old one).
 */
export async function planEvent(client: RegistryClient, event: ProjectEvent): Promise<EventPlan> {
  const subject = event.event.subject;
  const text = stringifyJson(event.json);
  const [own, effectiveLevel, found] = await Promise.all([
    ownLevel(client, subject),
    client.getCompatibilityLevel(subject),
    orNone(client.lookupSchema(subject, text), undefined),
  ]);
  const level = event.event.compatibility;
  const plan: EventPlan = { event, subject, text, level, ownLevel: own, effectiveLevel };
  if (found) {
    plan.existing = { version: found.version, id: found.id };
    return plan;
  }
  if (plan.effectiveLevel === plan.level) {
    const answer = await client.testCompatibility(subject, text, { verbose: true });
    plan.verdict = { compatible: answer.is_compatible, messages: answer.messages ?? [] };
  } else {
    const versions = await comparedVersions(client, subject, plan.level);
    const result = checkLevel(
      plan.level,
      versions.map((v) => v.schema),
      event.schema,
      { versions: versions.map((v) => v.version) },
    );
    plan.verdict = { compatible: result.compatible, messages: result.messages };
  }
  return plan;
}

/** REG004 at the event's declaration. */
export function incompatibleDiagnostic(plan: EventPlan, cwd: string): Diagnostic {
  const where = plan.event.sourceMap.locate({ type: plan.event.event.schema });
  const d: Diagnostic = {
    code: RegistryCode.Incompatible,
    severity: 'error',
    message: `${plan.event.event.schema} is incompatible with subject ${plan.subject} under ${plan.level}: ${plan.verdict?.messages.join(', ')}`,
    file: relative(cwd, where?.file ?? plan.event.file),
    hint: 'make the change compatible (add defaults, keep removed fields optional), or release it under a new subject',
  };
  if (where) d.range = where.range;
  return d;
}
