import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'charter-cli-'));

describe('charter', () => {
  it('prints help and exits 2 without a command', async () => {
    const r = await runCli([], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: charter <command>');
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await runCli(['frobnicate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it('rejects an unknown option with exit 2 and the usage', async () => {
    const r = await runCli(['fingerprint', '--nope', 'x.avsc'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: charter fingerprint');
  });
});

describe('charter fingerprint', () => {
  it('prints the canonical form and fingerprints', async () => {
    writeFileSync(join(dir, 'int.avsc'), '"int"');
    const r = await runCli(['fingerprint', 'int.avsc', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ canonical: '"int"', crc64: '8247732601305521295' });
  });

  it('prints a positioned diagnostic with a code frame for a bad schema', async () => {
    writeFileSync(
      join(dir, 'bad.avsc'),
      '{"type": "record", "name": "R",\n "fields": [{"name": "a", "type": "nope"}]}',
    );
    const r = await runCli(['fingerprint', 'bad.avsc'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.avsc:2:35: error SCH002: undefined name: "nope"');
    expect(r.stderr).toContain('> 2 |');
  });
});
