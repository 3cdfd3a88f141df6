import { parseSchema, type Schema } from '@charter/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckReport,
  formatGithub,
  formatJson,
  formatText,
  reportFails,
} from '../src/commands/compat/check/report.js';
import { readChangesets } from '../src/project/changesets.js';
import type { CheckEventInput } from '../src/project/check-core.js';
import { checkEvents } from '../src/project/check-events.js';
import { findDefaultRef } from '../src/project/default-ref.js';
import { resolveCommit } from '../src/project/git.js';
import { readReleasedHistories } from '../src/project/released-history.js';
import { GitFixture } from './check-git-fixture.js';

const order = (...extra: object[]) => ({
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'shop',
  fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'long' }, ...extra],
});
const payment = (...extra: object[]) => ({
  type: 'record',
  name: 'PaymentCaptured',
  namespace: 'shop',
  fields: [{ name: 'id', type: 'string' }, ...extra],
});

function schemaOf(json: unknown): Schema {
  const r = parseSchema(json);
  if (!r.schema) throw new Error(JSON.stringify(r.diagnostics));
  return r.schema;
}

function event(name: string, slug: string, json: unknown, level = 'BACKWARD'): CheckEventInput {
  return {
    event: {
      schema: `shop.${name}`,
      slug,
      subject: `${slug}-value`,
      compatibility: level as never,
      package: `@acme-events/${slug}`,
      topicSettings: {},
    } as CheckEventInput['event'],
    schema: schemaOf(json),
    file: `idl/${slug}.avdl`,
  };
}

const repo = new GitFixture();
let commit = '';

beforeAll(() => {
  // 1.0.0 → 1.1.0 (note, defaulted) → 1.10.0 (tag, defaulted): 1.10.0 must sort after 1.9.x.
  repo.release('order-placed', '@acme-events/order-placed', '1.0.0', order());
  repo.release(
    'order-placed',
    '@acme-events/order-placed',
    '1.1.0',
    order({ name: 'note', type: ['null', 'string'], default: null }),
  );
  repo.release(
    'order-placed',
    '@acme-events/order-placed',
    '1.10.0',
    order(
      { name: 'note', type: ['null', 'string'], default: null },
      { name: 'tag', type: 'string', default: '' },
    ),
  );
  repo.release(
    'order-placed',
    '@acme-events/order-placed',
    '1.9.0',
    order({ name: 'note', type: ['null', 'string'], default: null }),
  );
  // An event built but never released: its committed schema counts as the only version.
  repo.write('generated/payment-captured/package.json', {
    name: '@acme-events/payment-captured',
    version: '0.0.0',
  });
  repo.write('generated/payment-captured/schema/shop.PaymentCaptured.avsc', payment());
  repo.commit('released history');
  commit = resolveCommit(repo.root, 'main')!;
});

describe('released history from git', () => {
  it('reads releases semver-sorted, the committed schema as a fallback, and nothing for new events', () => {
    const { histories, diagnostics } = readReleasedHistories(repo.root, commit, 'main', 'generated', [
      { slug: 'order-placed', schema: 'shop.OrderPlaced' },
      { slug: 'payment-captured', schema: 'shop.PaymentCaptured' },
      { slug: 'refund-issued', schema: 'shop.RefundIssued' },
    ]);
    expect(diagnostics).toEqual([]);
    expect(histories.get('order-placed')?.versions.map((v) => v.label)).toEqual([
      'v1.0.0',
      'v1.1.0',
      'v1.9.0',
      'v1.10.0',
    ]);
    expect(histories.get('payment-captured')).toMatchObject({
      kind: 'schema',
      versions: [{ label: 'the schema at main' }],
    });
    expect(histories.get('refund-issued')).toEqual({ kind: 'absent', versions: [] });
  });

  it('ignores working-tree edits: it reads the commit', () => {
    repo.write('generated/order-placed/releases/1.0.0.avsc', '{ not json');
    const { diagnostics } = readReleasedHistories(repo.root, commit, 'main', 'generated', [
      { slug: 'order-placed', schema: 'shop.OrderPlaced' },
    ]);
    expect(diagnostics).toEqual([]);
    repo.write('generated/order-placed/releases/1.0.0.avsc', order());
  });

  it('finds the default ref', () => {
    expect(findDefaultRef(repo.root, {})).toEqual({ ref: 'main', commit });
    expect(findDefaultRef(repo.root, { GITHUB_BASE_REF: 'nope' })?.ref).toBe('main');
  });
});

describe('changesets', () => {
  it('reads the largest declared bump per package and reports bad lines', () => {
    repo.write(
      '.changeset/a.md',
      '---\n"@acme-events/order-placed": patch\n\'@acme-events/payment-captured\': minor\n---\n\nNotes\n',
    );
    repo.write('.changeset/b.md', '---\n"@acme-events/order-placed": minor\n---\n');
    repo.write('.changeset/c.md', '---\n"@acme-events/order-placed" minor\n---\n');
    const c = readChangesets(repo.root);
    expect(Object.fromEntries(c.bumps)).toEqual({
      '@acme-events/order-placed': 'minor',
      '@acme-events/payment-captured': 'minor',
    });
    expect(c.diagnostics).toMatchObject([
      { code: 'CMP022', file: '.changeset/c.md', range: { start: { line: 2 } } },
    ]);
    repo.remove('.changeset');
  });
});

describe('checking events against their history', () => {
  const base = { root: '', ref: 'main', commit: '', outputDir: 'generated' };
  const run = (events: CheckEventInput[], changesets: Record<string, string> = {}): CheckReport => {
    const checked = checkEvents({
      ...base,
      root: repo.root,
      commit,
      events,
      changesets: new Map(Object.entries(changesets)) as never,
    });
    return {
      ref: base.ref,
      events: checked.events.map((e) => e.check),
      registry: new Map(),
      diagnostics: checked.diagnostics,
    };
  };
  const latest = order(
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'tag', type: 'string', default: '' },
  );

  it('unchanged and new events pass', () => {
    const report = run([
      event('OrderPlaced', 'order-placed', latest),
      event('RefundIssued', 'refund-issued', payment()),
    ]);
    expect(report.events.map((e) => e.status)).toEqual(['unchanged', 'new']);
    expect(reportFails(report)).toBe(false);
  });

  it('a compatible change needs a changeset with a large enough bump', () => {
    const next = order(
      { name: 'note', type: ['null', 'string'], default: null },
      { name: 'tag', type: 'string', default: '' },
      { name: 'channel', type: 'string', default: 'web' },
    );
    const none = run([event('OrderPlaced', 'order-placed', next)]);
    expect(none.events[0]).toMatchObject({
      status: 'under-declared',
      required: 'minor',
      declared: undefined,
    });
    expect(none.events[0]?.diagnostics[0]).toMatchObject({
      code: 'CMP021',
      hint: expect.stringContaining('charter changeset'),
    });
    const patch = run([event('OrderPlaced', 'order-placed', next)], { '@acme-events/order-placed': 'patch' });
    expect(patch.events[0]?.diagnostics[0]).toMatchObject({
      code: 'CMP020',
      message:
        'shop.OrderPlaced changed since v1.10.0 and needs a minor release of @acme-events/order-placed, but the changesets declare only patch',
    });
    const minor = run([event('OrderPlaced', 'order-placed', next)], { '@acme-events/order-placed': 'minor' });
    expect(minor.events[0]?.status).toBe('ok');
    expect(reportFails(minor)).toBe(false);
    const doc = run([event('OrderPlaced', 'order-placed', { ...latest, doc: 'An order was placed' })]);
    expect(doc.events[0]).toMatchObject({ status: 'under-declared', required: 'patch' });
  });

  it('non-transitive levels compare the latest release only', () => {
    // Dropping the default of `tag` can read v1.10.0 data (it has tag) but not v1.0.0 data.
    const next = order(
      { name: 'note', type: ['null', 'string'], default: null },
      { name: 'tag', type: 'string' },
    );
    const backward = run([event('OrderPlaced', 'order-placed', next, 'BACKWARD')], {
      '@acme-events/order-placed': 'minor',
    });
    expect(backward.events[0]).toMatchObject({ status: 'ok', against: ['v1.10.0'] });
    const transitive = run([event('OrderPlaced', 'order-placed', next, 'BACKWARD_TRANSITIVE')], {
      '@acme-events/order-placed': 'major',
    });
    expect(transitive.events[0]).toMatchObject({
      status: 'incompatible',
      against: ['v1.0.0', 'v1.1.0', 'v1.9.0', 'v1.10.0'],
    });
    expect(transitive.events[0]?.findings.map((f) => f.who)).toEqual([
      'Consumers using the new schema cannot read data written with v1.0.0, v1.1.0 and v1.9.0',
    ]);
    expect(transitive.events[0]?.findings[0]?.versionIndices).toEqual([0, 1, 2]);
    expect(transitive.events[0]?.messages).toContain(
      "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}",
    );
  });

  it('a breaking change fails whatever the changeset says; the fallback schema is the only version', () => {
    const report = run(
      [
        event('OrderPlaced', 'order-placed', order({ name: 'note', type: 'string' })),
        event('PaymentCaptured', 'payment-captured', payment({ name: 'amount', type: 'long' })),
      ],
      { '@acme-events/order-placed': 'major' },
    );
    expect(report.events.map((e) => [e.status, e.against])).toEqual([
      ['incompatible', ['v1.10.0']],
      ['incompatible', ['the schema at main']],
    ]);
    expect(report.events[0]?.findings[0]).toMatchObject({
      type: 'TYPE_MISMATCH',
      fieldPath: 'note',
      text: 'v1.10.0 may write null into `note`, which the new schema reads as string',
    });

    const text = formatText(report, () => undefined);
    expect(text).toContain(
      '✗ shop.OrderPlaced (order-placed-value, BACKWARD): incompatible under BACKWARD with v1.10.0',
    );
    expect(text).toContain(
      'Consumers using the new schema cannot read data written with the schema at main:',
    );
    expect(text).toContain(
      'error CMP010: field `amount` has no default in the new schema and is missing in the schema at main',
    );
    expect(text.trim().split('\n').at(-1)).toBe('check failed: 2 of 2 events need attention');

    const json = JSON.parse(formatJson(report));
    expect(json.ok).toBe(false);
    expect(json.events[1]).toMatchObject({
      status: 'incompatible',
      required: 'major',
      findings: [{ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', location: '/fields/1' }],
    });

    const github = formatGithub(report);
    expect(github).toContain(
      '::error file=idl/payment-captured.avdl,title=CMP010 shop.PaymentCaptured::Consumers using the new schema cannot read data written with the schema at main: field `amount` has no default',
    );
  });
});
