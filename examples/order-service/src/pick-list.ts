import type { OrderPlaced } from '@acme-events/order-placed';

/** What the warehouse needs of a placed order. */
export interface PickList {
  orderId: string;
  shipTo: string;
  lines: string[];
  total: string;
  /** The payment method's record name, or `unpaid`. */
  payment: string;
  giftNote: string | null;
}

export function pickList(event: OrderPlaced): PickList {
  const a = event.shippingAddress;
  return {
    orderId: event.orderId,
    shipTo: `${event.customer.fullName}, ${a.line1}, ${a.postcode} ${a.town}, ${a.countryCode}`,
    lines: event.items.map((i) => `${i.quantity} x ${i.sku} ${i.title}`),
    total: `${event.total.amount} ${event.total.currency}`,
    payment: event.paymentMethod ? (event.paymentMethod.type.split('.').pop() ?? 'unknown') : 'unpaid',
    giftNote: event.giftNote,
  };
}
