import { isAbsolute, join, relative } from 'node:path';
import type { SourceLocator } from '@charter/compat';
import type { Diagnostic } from '@charter/diagnostics';

/**
 * A diagnostic with its file as the user would type it: relative to `cwd`. A relative file is taken
 * relative to `root` (the project loader's convention).
 */
export function shownDiagnostic(d: Diagnostic, cwd: string, root: string = cwd): Diagnostic {
  if (!d.file) return d;
  return { ...d, file: relative(cwd, isAbsolute(d.file) ? d.file : join(root, d.file)) };
}

/** Source locations as the user would type them: relative to `cwd` when absolute. */
export function relativeLocator(locator: SourceLocator, cwd: string): SourceLocator {
  return {
    locate(target) {
      const at = locator.locate(target);
      return at && isAbsolute(at.file) ? { ...at, file: relative(cwd, at.file) } : at;
    },
  };
}
