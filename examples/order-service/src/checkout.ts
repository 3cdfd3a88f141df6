import { createHash } from 'node:crypto';
import { type CardNetwork, OrderPlaced } from '@acme-events/order-placed';
import { fromCents, toCents } from './money.js';

/** What the web shop posts when a customer checks out. */
export interface Checkout {
  orderId: string;
  customer: { id: string; name: string; email: string };
  lines: { sku: string; title: string; quantity: number; unitPrice: string }[];
  currency: string;
  address: { line1: string; town: string; postcode: string; countryCode: string };
  /** Paid by card; the number never leaves this service, only its last digits and fingerprint. */
  card?: { network: CardNetwork; number: string; expiry: string };
  giftNote?: string;
}

/** The OrderPlaced event of a checkout: create() fills in every field the contract gives a default. */
export function orderPlaced(checkout: Checkout, placedAt: Date): OrderPlaced {
  const { currency, card } = checkout;
  const total = checkout.lines.reduce((sum, l) => sum + toCents(l.unitPrice) * BigInt(l.quantity), 0n);
  return OrderPlaced.create({
    orderId: checkout.orderId,
    placedAt,
    customer: {
      customerId: checkout.customer.id,
      fullName: checkout.customer.name,
      email: checkout.customer.email,
    },
    items: checkout.lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: { amount: l.unitPrice, currency },
    })),
    total: { amount: fromCents(total), currency },
    shippingAddress: checkout.address,
    paymentMethod: card
      ? {
          type: 'com.acme.payments.CardPayment',
          value: {
            network: card.network,
            last4: card.number.slice(-4),
            fingerprint: createHash('sha256').update(card.number).digest(),
            expiry: card.expiry,
          },
        }
      : null,
    giftNote: checkout.giftNote ?? null,
  });
}
