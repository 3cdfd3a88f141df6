import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageVersion } from '../src/project/project-state.js';

const dir = mkdtempSync(join(tmpdir(), 'charter-package-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packageVersion', () => {
  it('reads a package version the way `charter build` keeps it: only a semantic version counts', () => {
    const at = (manifest: string) => {
      writeFileSync(join(dir, 'package.json'), manifest);
      return packageVersion(dir);
    };
    expect(at('{"name":"@x/a","version":"1.2.3"}')).toBe('1.2.3');
    expect(at('{"name":"@x/a","version":"2.0.0-rc.1"}')).toBe('2.0.0-rc.1');
    expect(at('{"name":"@x/a","version":"banana"}')).toBeUndefined();
    expect(at('{"name":"@x/a","version":3}')).toBeUndefined();
    expect(at('{ not json')).toBeUndefined();
    expect(packageVersion(join(dir, 'missing'))).toBeUndefined();
  });
});
