import { execFileSync, spawnSync } from 'node:child_process';

/** A file of a git tree: its path relative to the directory git was asked from, and its blob id. */
export interface TreeFile {
  path: string;
  oid: string;
}

export class GitError extends Error {}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 28,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new GitError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** True when `cwd` is inside a git work tree. */
export function isGitRepository(cwd: string): boolean {
  return (
    spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, encoding: 'utf8' }).stdout?.trim() ===
    'true'
  );
}

/** The commit a ref names, or undefined when it names none. */
export function resolveCommit(cwd: string, ref: string): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd,
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Every file under `dir` (relative to `cwd`) at `commit`, without checking anything out. */
export function listTree(cwd: string, commit: string, dir: string): TreeFile[] {
  const out = git(cwd, ['ls-tree', '-r', '-z', commit, '--', dir]);
  const files: TreeFile[] = [];
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [, type, oid] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && oid) files.push({ path: entry.slice(tab + 1), oid });
  }
  return files;
}

/** The contents of many blobs in one `git cat-file --batch` call. */
export function readBlobs(cwd: string, oids: readonly string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  let out: Buffer;
  try {
    out = execFileSync('git', ['cat-file', '--batch'], {
      cwd,
      input: `${unique.join('\n')}\n`,
      maxBuffer: 1 << 30,
    });
  } catch (error) {
    throw new GitError(`git cat-file --batch failed: ${(error as Error).message}`);
  }
  let pos = 0;
  while (pos < out.length) {
    const eol = out.indexOf(10, pos);
    const header = out.subarray(pos, eol).toString('utf8');
    const [oid, type, size] = header.split(' ');
    pos = eol + 1;
    if (type === 'missing' || !oid || size === undefined) continue;
    const length = Number(size);
    blobs.set(oid, out.subarray(pos, pos + length).toString('utf8'));
    pos += length + 1;
  }
  return blobs;
}
