import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrderPlaced } from '@acme-events/order-placed';
import { describe, expect, it } from 'vitest';
import { type Checkout, orderPlaced } from '../src/checkout.js';
import { eventJson } from '../src/json.js';
import { fromCents, toCents } from '../src/money.js';
import { pickList } from '../src/pick-list.js';

const checkouts = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/checkouts.json'), 'utf8'),
) as Checkout[];

describe('order-service', () => {
  it('adds up amounts in cents', () => {
    expect(toCents('12.30')).toBe(1230n);
    expect(toCents('7')).toBe(700n);
    expect(toCents('-0.5')).toBe(-50n);
    expect(fromCents(6465n)).toBe('64.65');
    expect(fromCents(-5n)).toBe('-0.05');
    expect(() => toCents('1.234')).toThrow('not an amount');
  });

  it('turns a checkout into a valid OrderPlaced event, and the event into a pick list', () => {
    const placedAt = new Date('2026-03-21T09:30:00Z');
    const event = orderPlaced(checkouts[0]!, placedAt);
    expect(OrderPlaced.validate(event)).toEqual([]);
    expect(event.total).toEqual({ amount: '64.65', currency: 'EUR' });
    expect(event.paymentMethod?.type).toBe('com.acme.payments.CardPayment');
    expect(pickList(OrderPlaced.decode(OrderPlaced.encode(event)))).toEqual({
      orderId: '0b7f3a52-2b1c-4c35-9d2e-6f0a1c2b3d4e',
      shipTo: 'Ada Lovelace, 1 Analytical Way, N1 1AA London, GB',
      lines: ['2 x BOOK-1 Notes on the Analytical Engine', '1 x PEN-7 Fountain pen'],
      total: '64.65 EUR',
      payment: 'CardPayment',
      giftNote: null,
    });
    const unpaid = orderPlaced(checkouts[1]!, placedAt);
    expect(pickList(unpaid)).toMatchObject({
      payment: 'unpaid',
      total: '29.97 GBP',
      giftNote: 'Happy birthday!',
    });
    expect(JSON.parse(eventJson(unpaid)).placedAt).toBe('2026-03-21T09:30:00.000Z');
  });
});
