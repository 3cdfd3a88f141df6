import { classifyChange, compareChangeKinds } from '@charter/compat';
import { describe, expect, it } from 'vitest';
import { field, record } from './helpers.js';

const base = record(
  [field('id', 'string'), field('status', { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] })],
  'Order',
  {
    namespace: 'shop',
  },
);
const withFields = (...extra: unknown[]) => ({ ...base, fields: [...(base.fields as unknown[]), ...extra] });

describe('classifyChange', () => {
  it('none: the same schema, however written', () => {
    const reordered = { fields: base.fields, name: 'shop.Order', type: 'record' };
    expect(classifyChange(base, reordered, 'BACKWARD')).toBe('none');
  });

  it('patch: docs, aliases, order and custom properties only', () => {
    expect(classifyChange(base, { ...base, doc: 'An order' }, 'FULL')).toBe('patch');
    expect(classifyChange(base, { ...base, aliases: ['Purchase'] }, 'FULL')).toBe('patch');
    expect(classifyChange(base, withFields(), 'FULL')).toBe('none');
    expect(
      classifyChange(
        base,
        { ...base, fields: [field('id', 'string', { order: 'ignore' }), (base.fields as unknown[])[1]] },
        'FULL',
      ),
    ).toBe('patch');
    expect(classifyChange(base, { ...base, 'x-owner': 'team-a' }, 'FULL')).toBe('patch');
  });

  it('minor: a field added with a default', () => {
    expect(
      classifyChange(
        base,
        withFields(field('note', ['null', 'string'], { default: null })),
        'FULL_TRANSITIVE',
      ),
    ).toBe('minor');
  });

  it('minor: an enum symbol added under BACKWARD; major under FORWARD unless the old enum has a default', () => {
    const added = {
      ...base,
      fields: [
        field('id', 'string'),
        field('status', { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED'] }),
      ],
    };
    expect(classifyChange(base, added, 'BACKWARD')).toBe('minor');
    expect(classifyChange(base, added, 'FORWARD')).toBe('major');
    const defaulted = {
      ...base,
      fields: [
        field('id', 'string'),
        field('status', { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'], default: 'NEW' }),
      ],
    };
    const addedToDefaulted = {
      ...base,
      fields: [
        field('id', 'string'),
        field('status', {
          type: 'enum',
          name: 'Status',
          symbols: ['NEW', 'PAID', 'SHIPPED'],
          default: 'NEW',
        }),
      ],
    };
    expect(classifyChange(defaulted, addedToDefaulted, 'FULL')).toBe('minor');
  });

  it('minor: defaults and logical types change what readers see', () => {
    expect(
      classifyChange(
        withFields(field('n', 'int', { default: 1 })),
        withFields(field('n', 'int', { default: 2 })),
        'FULL',
      ),
    ).toBe('minor');
    expect(
      classifyChange(
        withFields(field('t', 'long')),
        withFields(field('t', { type: 'long', logicalType: 'timestamp-millis' })),
        'FULL',
      ),
    ).toBe('minor');
  });

  it('major: breaking under the level', () => {
    expect(classifyChange(base, withFields(field('note', 'string')), 'BACKWARD')).toBe('major');
    expect(classifyChange(base, withFields(field('note', 'string')), 'FORWARD')).toBe('minor');
    expect(classifyChange(withFields(field('note', 'string')), base, 'FORWARD')).toBe('major');
  });

  it('NONE: a change breaking either direction is still major', () => {
    expect(classifyChange(base, withFields(field('note', 'string')), 'NONE')).toBe('major');
    expect(classifyChange(base, withFields(field('note', 'string', { default: '' })), 'NONE')).toBe('minor');
  });

  it('orders bumps', () => {
    expect(['major', 'none', 'minor', 'patch'].sort(compareChangeKinds as never)).toEqual([
      'none',
      'patch',
      'minor',
      'major',
    ]);
  });
});
