import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompatibility, checkLevel } from '@charter/compat';
import { describe, expect, it } from 'vitest';

const file = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'conformance',
  'compat',
  'vectors.json',
);
const present = existsSync(file);

interface Vector {
  id: string;
  kind: 'pair' | 'level';
  reader?: unknown;
  writer?: unknown;
  readerCanReadWriter?: boolean;
  confluentExpected?: boolean;
  incompatibilities?: { type: string; location: string; message: string }[];
  notes?: string;
  level?: string;
  existing?: unknown[];
  candidate?: unknown;
  compatible?: boolean;
  expectMessageContains?: string[];
}

const vectors: Vector[] = present ? JSON.parse(readFileSync(file, 'utf8')) : [];
const pairs = vectors.filter((v) => v.kind === 'pair');
const withLists = pairs.filter((v) => v.incompatibilities);
const levels = vectors.filter((v) => v.kind === 'level');

describe.skipIf(!present)(
  `upstream vectors (${present ? file : 'skipped: ../shared/conformance absent'})`,
  () => {
    it('has the 64 pairs with stated incompatibility lists', () => {
      expect(withLists).toHaveLength(64);
    });

    it.each(withLists.map((v) => [v.id, v] as const))(
      '%s: incompatibility list equals upstream',
      (_id, v) => {
        const result = checkCompatibility(v.reader, v.writer);
        const got = result.incompatibilities.map(({ type, location, message }) => ({
          type,
          location,
          message,
        }));
        const firstOnly = /first incompatibility|only the location of the first/.test(v.notes ?? '');
        if (firstOnly) expect(got[0]).toEqual(v.incompatibilities![0]);
        else expect(got).toEqual(v.incompatibilities);
      },
    );

    it.each(pairs.map((v) => [v.id, v] as const))('%s: pair verdict is Confluent’s', (_id, v) => {
      const want = v.confluentExpected ?? v.readerCanReadWriter;
      expect(checkCompatibility(v.reader, v.writer).compatible).toBe(want);
    });

    it.each(levels.map((v) => [v.id, v] as const))('%s: level verdict and messages', (_id, v) => {
      const result = checkLevel(v.level as never, v.existing!, v.candidate);
      expect(result.compatible).toBe(v.compatible);
      expect(result.messages.length === 0).toBe(v.compatible);
      for (const part of v.expectMessageContains ?? []) expect(result.messages.join(', ')).toContain(part);
    });
  },
);
