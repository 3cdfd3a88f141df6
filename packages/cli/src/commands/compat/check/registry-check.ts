import { CompatCode } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';
import { RegistryClient, RegistryError } from '@charter/registry-client';
import { schemaToString } from '@charter/schema';
import type { CheckEventInput } from '../../../project/check-core.js';
import type { CheckReport } from './report.js';

function problem(message: string, severity: Diagnostic['severity'], file: string | undefined): Diagnostic {
  const d: Diagnostic = { code: CompatCode.RegistryProblem, severity, message };
  if (file) d.file = file;
  return d;
}

/**
 * Asks the registry `POST /compatibility/subjects/{subject}/versions?verbose=true` for every event, under
 * the level the registry applies to the subject, and records the answers in the report. A subject the
 * registry does not know yet is compatible; a registry that cannot be asked is an error diagnostic.
 */
export async function askRegistry(
  url: string,
  events: readonly CheckEventInput[],
  report: CheckReport,
): Promise<void> {
  let client: RegistryClient;
  try {
    client = new RegistryClient({ url, retries: 1 });
  } catch (error) {
    report.diagnostics.push(problem(`registry ${url}: ${(error as Error).message}`, 'error', undefined));
    return;
  }
  for (const e of events) {
    const { subject, compatibility } = e.event;
    try {
      const level = await client.getCompatibilityLevel(subject);
      if (level !== compatibility) {
        report.diagnostics.push(
          problem(
            `${e.event.schema}: charter.yaml declares ${compatibility} but the registry applies ${level} to ${subject}`,
            'warning',
            e.file,
          ),
        );
      }
      let answer: { compatible: boolean; messages: string[] };
      try {
        const result = await client.testCompatibility(subject, schemaToString(e.schema), { verbose: true });
        answer = { compatible: result.is_compatible, messages: result.messages ?? [] };
      } catch (error) {
        if (!(error instanceof RegistryError && error.errorCode === 40401)) throw error;
        answer = { compatible: true, messages: [] };
      }
      report.registry.set(subject, { ...answer, level });
    } catch (error) {
      const message = error instanceof RegistryError ? error.message : String(error);
      report.diagnostics.push(
        problem(`registry ${client.url}: cannot check ${subject}: ${message}`, 'error', e.file),
      );
      return;
    }
  }
}
