import { afterAll, describe, expect, it } from 'vitest';
import { GitFixture } from './check-git-fixture.js';
import { removeTempProjects, tempProject } from './registry-helpers.js';
import { runCli } from './run-cli.js';

// Every command that works on the project starts the same way (src/project/open-project.ts): the same
// problem gives the same code and exit code whichever command meets it.

const NOWHERE = 'http://127.0.0.1:9';
/** Commands that load the contracts, with arguments that get them past their own option checks. */
const PROJECT_COMMANDS = [
  ['build'],
  ['register', '--registry', NOWHERE],
  ['check'],
  ['changeset'],
  ['release', 'version'],
];
/** Commands that read released versions from git. */
const GIT_COMMANDS = [['check'], ['changeset'], ['release', 'version']];

const ORDER = 'namespace shop;\nschema OrderPlaced;\nrecord OrderPlaced { string id; }\n';

function gitProject(files: Record<string, string>): GitFixture {
  const repo = new GitFixture();
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  repo.commit('contracts');
  return repo;
}

const repos: GitFixture[] = [];
afterAll(() => {
  for (const repo of repos) repo.remove('.');
  removeTempProjects();
});

describe('opening the project', () => {
  it('outside a project every command answers CLI002 with exit 2', async () => {
    const cwd = tempProject({ 'README.md': 'not a project\n' });
    for (const args of [...PROJECT_COMMANDS, ['release', 'publish', '--registry', NOWHERE]]) {
      const r = await runCli(args, cwd);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'error CLI002: no charter.yaml in this directory or a parent directory\n  hint: run this command inside a Charter project\n',
      );
    }
  });

  it('a configuration error in charter.yaml exits 2 for every command, at its position', async () => {
    const repo = gitProject({
      'charter.yaml': 'defaults:\n  compatibility: BACKWARDS\n',
      'idl/order-placed.avdl': ORDER,
    });
    repos.push(repo);
    for (const args of [...PROJECT_COMMANDS, ['release', 'publish', '--registry', NOWHERE]]) {
      const r = await runCli(args, repo.root);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('charter.yaml:2:18: error CFG005: defaults.compatibility is "BACKWARDS"');
    }
  });

  it('a contract that does not compile exits 1 for every command', async () => {
    const repo = gitProject({
      'charter.yaml': '{}\n',
      'idl/order-placed.avdl': ORDER.replace('string id', 'strng id'),
    });
    repos.push(repo);
    for (const args of PROJECT_COMMANDS) {
      const r = await runCli(args, repo.root);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 1]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^idl\/order-placed\.avdl:3:22: error IDL\d+/);
    }
  });

  it('the commands that read git history answer CLI004 outside a git repository', async () => {
    const cwd = tempProject({ 'charter.yaml': '{}\n', 'idl/order-placed.avdl': ORDER });
    for (const args of GIT_COMMANDS) {
      const r = await runCli(args, cwd);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toMatch(
        /^error CLI004: .* is not in a git repository: released versions are read from git/,
      );
    }
  });

  it('an unknown ref is CMP027 (exit 2) for every command that reads git history', async () => {
    const repo = gitProject({ 'charter.yaml': '{}\n', 'idl/order-placed.avdl': ORDER });
    repos.push(repo);
    for (const args of GIT_COMMANDS) {
      const r = await runCli([...args, '--against', 'no-such-ref'], repo.root);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toContain('error CMP027: unknown git ref no-such-ref');
    }
  });

  it('two events with one simple name stop every command (CFG009) instead of sharing a history', async () => {
    const other = ORDER.replace('namespace shop;', 'namespace other;').replace('string id', 'long id');
    const repo = gitProject({
      'charter.yaml': 'events:\n  - schema: other.OrderPlaced\n    package: "@x/other-order-placed"\n',
      'idl/shop/order-placed.avdl': ORDER,
      'idl/other/order-placed.avdl': other,
    });
    repos.push(repo);
    // Released: shop.OrderPlaced. Without the clash, check would compare other.OrderPlaced against it.
    repo.release('order-placed', '@events/order-placed', '1.0.0', {
      type: 'record',
      name: 'OrderPlaced',
      namespace: 'shop',
      fields: [{ name: 'id', type: 'string' }],
    });
    repo.commit('release');
    for (const args of PROJECT_COMMANDS) {
      const r = await runCli(args, repo.root);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        'idl/shop/order-placed.avdl:1:1: error CFG009: other.OrderPlaced and shop.OrderPlaced would both be generated into generated/order-placed',
      );
    }
  });
});
