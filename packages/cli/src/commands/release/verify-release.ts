import type { Finding } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import type { EventState } from '../../project/project-state.js';
import { ReleaseCode } from './codes.js';

export interface ReleaseVerdict {
  /** Under-declared changes (CMP020/CMP021) and breaking changes not declared major (REL002). */
  errors: Diagnostic[];
  /** Breaking changes declared major: the registry will refuse them under the same subject (REL008). */
  warnings: Diagnostic[];
  /** The incompatibilities behind each REL002, for the report. */
  findings: Finding[];
}

function at(e: EventState, d: Diagnostic): Diagnostic {
  const where = e.input.sourceMap?.locate({ type: e.input.event.schema });
  if (where) {
    d.file = where.file;
    d.range = where.range;
  } else if (e.input.file) d.file = e.input.file;
  return d;
}

/**
 * Whether the pending changesets tell the truth about every contract: a changed contract must be
 * declared at least with the bump its schema change needs, and a change that breaks the contract's
 * compatibility level with a released version only as a major.
 */
export function verifyRelease(events: readonly EventState[]): ReleaseVerdict {
  const verdict: ReleaseVerdict = { errors: [], warnings: [], findings: [] };
  for (const e of events) {
    const c = e.check;
    if (c.status === 'under-declared') verdict.errors.push(...c.diagnostics);
    if (c.status !== 'incompatible') continue;
    const against = c.against.join(', ');
    if (c.declared === 'major') {
      verdict.warnings.push(
        at(e, {
          code: ReleaseCode.MajorNeedsSubjectPlan,
          severity: 'warning',
          message: `${c.schema} breaks ${c.level} compatibility with ${against}; the major release of ${c.package} is allowed, but a registry holding those versions will refuse the new schema under ${c.subject}`,
          hint: 'register it under a new subject (a new topic or event name), or relax the level in charter.yaml for this release',
        }),
      );
      continue;
    }
    verdict.errors.push(
      at(e, {
        code: ReleaseCode.BreakingNotMajor,
        severity: 'error',
        message: `${c.schema} breaks ${c.level} compatibility with ${against} and needs a major release of ${c.package}, but the changesets declare ${c.declared ?? 'none'}`,
        hint: 'declare major (run `charter changeset`), or make the change compatible',
      }),
    );
    verdict.findings.push(...c.findings);
  }
  return verdict;
}
