import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChangeKind, CompatCode, compareChangeKinds } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';

/** One `"<package>": <bump>` line of one changeset file. */
export interface ChangesetEntry {
  /** `.changeset/<name>.md`, relative to the project root. */
  file: string;
  package: string;
  bump: ChangeKind;
}

export interface Changesets {
  /** Every declaration, in file order. */
  entries: ChangesetEntry[];
  /** The largest bump declared per package across all changesets. */
  bumps: Map<string, ChangeKind>;
  /** Which changeset files declared each package. */
  files: Map<string, string[]>;
  diagnostics: Diagnostic[];
}

const ENTRY =
  /^\s*(?:"([^"]+)"|'([^']+)'|([^\s:'"#][^:]*?))\s*:\s*(["']?)(major|minor|patch|none)\4\s*(?:#.*)?$/;

/**
 * Reads the front matter of `.changeset/*.md`: lines `"@scope/pkg": major|minor|patch` between `---`
 * fences, as changesets writes them. A malformed line is a CFG diagnostic.
 */
export function readChangesets(root: string): Changesets {
  const dir = join(root, '.changeset');
  const result: Changesets = { entries: [], bumps: new Map(), files: new Map(), diagnostics: [] };
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')
      .sort();
  } catch {
    return result;
  }
  for (const name of names) {
    const file = join('.changeset', name);
    const lines = readFileSync(join(dir, name), 'utf8').split(/\r?\n/);
    if (lines[0]?.trim() !== '---') continue;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '---') break;
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const m = ENTRY.exec(line);
      if (!m) {
        result.diagnostics.push({
          code: CompatCode.InvalidChangeset,
          severity: 'error',
          message: `cannot read this changeset line: expected "<package>": major|minor|patch`,
          file,
          range: {
            start: { offset: 0, line: i + 1, column: 1 },
            end: { offset: 0, line: i + 1, column: line.length + 1 },
          },
        });
        continue;
      }
      const pkg = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      const bump = m[5] as ChangeKind;
      result.entries.push({ file, package: pkg, bump });
      const before = result.bumps.get(pkg);
      if (!before || compareChangeKinds(bump, before) > 0) result.bumps.set(pkg, bump);
      result.files.set(pkg, [...(result.files.get(pkg) ?? []), file]);
    }
  }
  return result;
}
