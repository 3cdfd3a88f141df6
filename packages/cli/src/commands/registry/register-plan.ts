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
  try {
    return (await client.getConfig(subject)).compatibilityLevel;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Live versions of a subject, oldest first, as schema texts; none when the subject is absent. */
async function liveVersions(
  client: RegistryClient,
  subject: string,
): Promise<{ version: number; schema: string }[]> {
  let versions: number[];
  try {
    versions = await client.getVersions(subject);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const out: { version: number; schema: string }[] = [];
  for (const version of versions)
    out.push({ version, schema: (await client.getSchemaByVersion(subject, version)).schema });
  return out;
}

/**
 * Reads what the registry holds for one event. When the subject's level is about to change, the
 * verdict is computed here under the new level (the registry would answer under the old one).
 */
export async function planEvent(client: RegistryClient, event: ProjectEvent): Promise<EventPlan> {
  const subject = event.event.subject;
  const text = stringifyJson(event.json);
  const plan: EventPlan = {
    event,
    subject,
    text,
    level: event.event.compatibility,
    ownLevel: await ownLevel(client, subject),
    effectiveLevel: await client.getCompatibilityLevel(subject),
  };
  try {
    const found = await client.lookupSchema(subject, text);
    plan.existing = { version: found.version, id: found.id };
    return plan;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (plan.effectiveLevel === plan.level) {
    const answer = await client.testCompatibility(subject, text, { verbose: true });
    plan.verdict = { compatible: answer.is_compatible, messages: answer.messages ?? [] };
  } else {
    const versions = await liveVersions(client, subject);
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
