import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdlCompileCache } from '@charter/idl';
import { findProjectRoot, loadProject } from '@charter/project';
import { describe, expect, it } from 'vitest';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'charter-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const SHARED = `namespace com.acme.common;
record Money { decimal(12,2) amount; string currency; }
`;
const ORDER = `namespace com.acme.orders;
schema OrderPlaced;
import idl "../common/money.avdl";
/** An order was placed. */
record OrderPlaced { uuid orderId; com.acme.common.Money total; }
`;
const REFUND = `namespace com.acme.payments;
schema RefundIssued;
import idl "../common/money.avdl";
record RefundIssued { string refundId; com.acme.common.Money amount; }
`;

describe('loadProject', () => {
  it('finds the events of schema-mode files and resolves their settings', () => {
    const root = project({
      'charter.yaml':
        'scope: "@acme-events"\nevents:\n  - schema: com.acme.orders.OrderPlaced\n    topic: orders\n',
      'idl/common/money.avdl': SHARED,
      'idl/orders/order-placed.avdl': ORDER,
      'idl/payments/refund-issued.avdl': REFUND,
    });
    const p = loadProject(root);
    expect(p.diagnostics).toEqual([]);
    expect(p.events.map((e) => [e.event.schema, e.event.subject, e.event.package])).toEqual([
      ['com.acme.orders.OrderPlaced', 'orders-value', '@acme-events/order-placed'],
      ['com.acme.payments.RefundIssued', 'refund-issued-value', '@acme-events/refund-issued'],
    ]);
    const order = p.events[0]!;
    expect(order.file).toBe(join(root, 'idl/orders/order-placed.avdl'));
    expect(order.json).toMatchObject({ type: 'record', name: 'OrderPlaced', doc: 'An order was placed.' });
    expect(
      order.sourceMap.locate({ type: 'com.acme.orders.OrderPlaced', field: 'total' })?.range.start.line,
    ).toBe(5);
    expect(p.files).toContain(join(root, 'idl/common/money.avdl'));
  });

  it('reports IDL errors relative to the root, and an event listed in charter.yaml that no file declares', () => {
    const root = project({
      'charter.yaml': 'events:\n  - schema: com.acme.Nope\n',
      'idl/bad.avdl': 'namespace a;\nschema R;\nrecord R { strng x; }\n',
    });
    const p = loadProject(root);
    expect(p.diagnostics.map((d) => [d.code.slice(0, 3), d.file])).toEqual([
      ['IDL', 'idl/bad.avdl'],
      ['CFG', 'charter.yaml'],
    ]);
  });

  it('rejects two files declaring the same event', () => {
    const root = project({
      'charter.yaml': '{}\n',
      'idl/a.avdl': 'namespace a;\nschema R;\nrecord R { int x; }\n',
      'idl/b/a.avdl': 'namespace a;\nschema R;\nrecord R { int x; }\n',
    });
    expect(loadProject(root).diagnostics.map((d) => d.code)).toContain('PRJ002');
  });

  it('reads and parses a shared import once per load', () => {
    const root = project({
      'charter.yaml': '{}\n',
      'idl/common/money.avdl': SHARED,
      'idl/orders/order-placed.avdl': ORDER,
      'idl/payments/refund-issued.avdl': REFUND,
    });
    const idlCache = new IdlCompileCache();
    const p = loadProject(root, { idlCache });
    expect(p.diagnostics).toEqual([]);
    expect(p.events).toHaveLength(2);
    // three files, each read and parsed once although money.avdl is compiled three times
    expect(idlCache.stats).toEqual({ reads: 3, parses: 3 });
  });

  it('reports two events with the same simple name at the second file (CFG009)', () => {
    const root = project({
      'charter.yaml': '{}\n',
      'idl/a/order-placed.avdl': 'namespace com.a;\nschema OrderPlaced;\nrecord OrderPlaced { int x; }\n',
      'idl/b/order-placed.avdl': 'namespace com.b;\nschema OrderPlaced;\nrecord OrderPlaced { int y; }\n',
    });
    const p = loadProject(root);
    expect(p.diagnostics.map((d) => [d.code, d.file, d.range?.start.line])).toEqual([
      ['CFG009', 'idl/b/order-placed.avdl', 1],
    ]);
  });

  it('finds the project root from a sub-directory', () => {
    const root = project({ 'charter.yaml': '{}\n', 'idl/x/y.txt': '' });
    expect(findProjectRoot(join(root, 'idl', 'x'))).toBe(root);
  });
});
