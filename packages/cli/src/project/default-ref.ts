import { resolveCommit } from './git.js';

/**
 * The ref `charter check` compares against when `--against` is not given: the pull request's base
 * branch on GitHub Actions (`origin/$GITHUB_BASE_REF`), else `origin/main`, `main`, `origin/master`,
 * `master`, whichever exists first.
 */
export function defaultRefCandidates(env: Record<string, string | undefined>): string[] {
  const base = env.GITHUB_BASE_REF;
  return [...(base ? [`origin/${base}`] : []), 'origin/main', 'main', 'origin/master', 'master'];
}

export function findDefaultRef(
  root: string,
  env: Record<string, string | undefined>,
): { ref: string; commit: string } | undefined {
  for (const ref of defaultRefCandidates(env)) {
    const commit = resolveCommit(root, ref);
    if (commit) return { ref, commit };
  }
  return undefined;
}
