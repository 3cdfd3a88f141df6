import { CompatCode, findingToDiagnostic, formatFindings } from '@charter/compat';
import { type Diagnostic, formatDiagnostics } from '@charter/diagnostics';
import { findingJson } from '../../../finding-json.js';
import type { EventCheck } from '../../../project/check-core.js';

/** The result of `charter check`, for every output format. */
export interface CheckReport {
  /** The ref compared against, as given or defaulted. */
  ref: string;
  events: EventCheck[];
  /** Registry answers per subject, when `--registry` was given. */
  registry: Map<string, RegistryAnswer>;
  /** Configuration, changeset and registry problems, and warnings (durability defaults). */
  diagnostics: Diagnostic[];
}

export interface RegistryAnswer {
  compatible: boolean;
  messages: string[];
  /** The level the registry applies to the subject, when it said. */
  level?: string;
}

export function failed(e: EventCheck): boolean {
  return e.status === 'incompatible' || e.status === 'under-declared';
}

export function reportFails(report: CheckReport): boolean {
  return (
    report.events.some(failed) ||
    report.diagnostics.some((d) => d.severity === 'error') ||
    [...report.registry.values()].some((r) => !r.compatible)
  );
}

function statusLine(e: EventCheck, ref: string): string {
  const head = `${e.schema} (${e.subject}, ${e.level})`;
  const declared = e.declared ? `changeset: ${e.declared}` : 'no changeset';
  switch (e.status) {
    case 'new':
      return `+ ${head}: new, no released version at ${ref}`;
    case 'unchanged':
      return `= ${head}: unchanged since ${e.against.at(-1)}`;
    case 'ok':
      return `✓ ${head}: ${e.required} change, compatible with ${e.against.join(', ')}; ${declared}`;
    case 'under-declared':
      return `✗ ${head}: ${e.required} change, compatible with ${e.against.join(', ')}; ${declared}`;
    case 'incompatible':
      return `✗ ${head}: incompatible under ${e.level} with ${e.against.join(', ')}`;
  }
}

/** The human report: one line per event, then the findings and diagnostics of the failing ones. */
export function formatText(report: CheckReport, readSource: (file: string) => string | undefined): string {
  const out: string[] = [
    `charter check against ${report.ref}: ${report.events.length} event${report.events.length === 1 ? '' : 's'}`,
  ];
  for (const e of report.events) {
    out.push(statusLine(e, report.ref));
    if (e.status === 'incompatible') out.push(indent(formatFindings(e.findings, { readSource })));
    if (e.diagnostics.length > 0) out.push(indent(formatDiagnostics(e.diagnostics, readSource)));
    const answer = report.registry.get(e.subject);
    if (answer) {
      out.push(
        `  registry: ${answer.compatible ? 'compatible' : 'incompatible'}${answer.level ? ` under ${answer.level}` : ''}`,
      );
      for (const m of answer.compatible ? [] : answer.messages) out.push(`    ${m}`);
    }
  }
  if (report.diagnostics.length > 0) out.push(formatDiagnostics(report.diagnostics, readSource));
  const bad = report.events.filter(failed).length;
  out.push(
    reportFails(report)
      ? `check failed: ${bad} of ${report.events.length} events need attention`
      : 'check passed',
  );
  return `${out.join('\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
}

function diagnosticJson(d: Diagnostic) {
  const out: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message };
  if (d.file) out.file = d.file;
  if (d.range) Object.assign(out, { line: d.range.start.line, column: d.range.start.column });
  if (d.hint) out.hint = d.hint;
  return out;
}

/** The machine report (`--format json`). */
export function formatJson(report: CheckReport): string {
  const json = {
    ok: !reportFails(report),
    ref: report.ref,
    events: report.events.map((e) => ({
      schema: e.schema,
      subject: e.subject,
      level: e.level,
      package: e.package,
      file: e.file,
      status: e.status,
      against: e.against,
      required: e.required ?? null,
      declared: e.declared ?? null,
      findings: e.findings.map(findingJson),
      messages: e.messages,
      diagnostics: e.diagnostics.map(diagnosticJson),
      registry: report.registry.get(e.subject) ?? null,
    })),
    diagnostics: report.diagnostics.map(diagnosticJson),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** GitHub workflow command escaping: data escapes %, CR, LF; properties also `:` and `,`. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(d: Diagnostic, title: string): string {
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props: string[] = [];
  if (d.file) props.push(`file=${escapeProperty(d.file)}`);
  if (d.range) {
    props.push(`line=${d.range.start.line}`, `col=${d.range.start.column}`);
    props.push(`endLine=${d.range.end.line}`, `endColumn=${d.range.end.column}`);
  }
  props.push(`title=${escapeProperty(`${d.code} ${title}`)}`);
  const body = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${level} ${props.join(',')}::${escapeData(body)}`;
}

/** GitHub Actions annotations (`--format github`), then the text summary lines. */
export function formatGithub(report: CheckReport): string {
  const out: string[] = [];
  for (const e of report.events) {
    const inFile = (d: Diagnostic): Diagnostic => (d.file || !e.file ? d : { ...d, file: e.file });
    for (const f of e.findings) out.push(annotation(inFile(findingToDiagnostic(f)), e.schema));
    for (const d of e.diagnostics) out.push(annotation(inFile(d), e.schema));
    const answer = report.registry.get(e.subject);
    if (answer && !answer.compatible) {
      const d: Diagnostic = {
        code: CompatCode.RegistryIncompatible,
        severity: 'error',
        message: `the registry rejects ${e.schema} under ${e.subject}: ${answer.messages.join(', ')}`,
      };
      if (e.file) d.file = e.file;
      out.push(annotation(d, e.schema));
    }
    out.push(statusLine(e, report.ref));
  }
  for (const d of report.diagnostics) out.push(annotation(d, 'charter check'));
  out.push(reportFails(report) ? 'check failed' : 'check passed');
  return `${out.join('\n')}\n`;
}
