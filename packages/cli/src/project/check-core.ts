import {
  type ChangeKind,
  CompatCode,
  type CompatibilityLevel,
  checkLevel,
  classifySchemas,
  compareChangeKinds,
  type Finding,
  levelFindings,
  type SourceLocator,
} from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import type { Schema } from '@charter/schema';
import type { ReleasedHistory } from './released-history.js';

/** What `charter check` needs of one event (a `ProjectEvent` of @charter/project fits). */
export interface CheckEventInput {
  event: {
    schema: string;
    slug: string;
    subject: string;
    compatibility: CompatibilityLevel;
    package: string;
  };
  schema: Schema;
  /** The .avdl file declaring the event. */
  file?: string;
  sourceMap?: SourceLocator;
}

export type EventStatus = 'new' | 'unchanged' | 'ok' | 'incompatible' | 'under-declared';

export interface EventCheck {
  schema: string;
  subject: string;
  level: CompatibilityLevel;
  package: string;
  file: string | undefined;
  status: EventStatus;
  /** Labels of the released versions compared, oldest first. */
  against: string[];
  /** The bump the change needs against the latest released version. */
  required: ChangeKind | undefined;
  /** The bump the changesets declare for the package (undefined: none). */
  declared: ChangeKind | undefined;
  /** Every incompatibility with every version the level compares (not only the first failing one). */
  findings: Finding[];
  /** Confluent's verbose messages for the same check (what the registry would answer). */
  messages: string[];
  /** Changeset problems. */
  diagnostics: Diagnostic[];
}

export interface CheckCoreOptions {
  /** Changeset bumps per package name. */
  changesets: ReadonlyMap<string, ChangeKind>;
}

/**
 * Checks one event's working-tree schema against its released history under its level, and the
 * changesets against the bump the change needs.
 */
export function checkEvent(
  input: CheckEventInput,
  history: ReleasedHistory,
  options: CheckCoreOptions,
): EventCheck {
  const { event } = input;
  const result: EventCheck = {
    schema: event.schema,
    subject: event.subject,
    level: event.compatibility,
    package: event.package,
    file: input.file,
    status: 'new',
    against: [],
    required: undefined,
    declared: options.changesets.get(event.package),
    findings: [],
    messages: [],
    diagnostics: [],
  };
  const versions = history.versions;
  const latest = versions.at(-1);
  if (!latest) return result;
  const level = checkLevel(
    event.compatibility,
    versions.map((v) => v.schema),
    input.schema,
    { exhaustive: true, strictCandidate: false },
  );
  const compared = new Set(level.checks.map((c) => c.index));
  result.against = versions.filter((_, i) => compared.has(i)).map((v) => v.label);
  if (result.against.length === 0) result.against = [latest.label];
  result.messages = level.messages;
  result.findings = levelFindings(level, {
    versionLabel: (i) => versions[i]!.label,
    newSource: input.sourceMap,
  });
  result.required = classifySchemas(latest.schema, input.schema, event.compatibility);
  if (!level.compatible) {
    result.status = 'incompatible';
    return result;
  }
  if (result.required === 'none') {
    result.status = 'unchanged';
    return result;
  }
  const declared = result.declared;
  if (declared === undefined || compareChangeKinds(declared, result.required) < 0) {
    result.status = 'under-declared';
    result.diagnostics.push(underDeclared(input, result.required, declared, latest.label));
    return result;
  }
  result.status = 'ok';
  return result;
}

function underDeclared(
  input: CheckEventInput,
  required: ChangeKind,
  declared: ChangeKind | undefined,
  latest: string,
): Diagnostic {
  const what = `${input.event.schema} changed since ${latest} and needs a ${required} release of ${input.event.package}`;
  const d: Diagnostic =
    declared === undefined || declared === 'none'
      ? {
          code: CompatCode.MissingChangeset,
          severity: 'error',
          message: `${what}, but no changeset declares one`,
          hint: 'run `charter changeset` to write one (or add a .changeset/*.md naming the package)',
        }
      : {
          code: CompatCode.UnderDeclared,
          severity: 'error',
          message: `${what}, but the changesets declare only ${declared}`,
          hint: `change the bump for "${input.event.package}" to ${required} in its changeset`,
        };
  const at = input.sourceMap?.locate({ type: input.event.schema });
  if (at) {
    d.file = at.file;
    d.range = at.range;
  } else if (input.file) d.file = input.file;
  return d;
}
