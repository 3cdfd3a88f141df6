// The realistic event of the codec benchmark (order-placed.avsc): a uuid, a timestamp, an enum, a customer
// with a nested address, five line items with decimal prices, a map of three labels and an optional note.
import { readFileSync } from 'node:fs';

export const schemaText = readFileSync(new URL('./order-placed.avsc', import.meta.url), 'utf8');
export const schema = JSON.parse(schemaText);

const prices = ['19.99', '45.50', '1299.00', '2.50', '999999.99'];
const skus = ['SKU-0001234', 'SKU-0005678', 'SKU-0042000', 'SKU-0000007', 'SKU-0999999'];

/** The event as a generated package types it (Date, decimal strings). */
export function charterValue() {
  return {
    orderId: '3f2b8c1e-9a4d-4e7b-8f61-2c5d9e0a7b13',
    placedAt: new Date(1732650000123),
    status: 'PAID',
    customer: {
      customerId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      fullName: 'Jane Doe',
      email: 'jane.doe@example.com',
      shippingAddress: { line1: '221B Baker Street', town: 'London', postcode: 'NW1 6XE', countryCode: 'GB' },
    },
    items: skus.map((sku, i) => ({ sku, quantity: i + 1, unitPrice: prices[i] })),
    metadata: { channel: 'web', campaign: 'black-friday-2024', locale: 'en-GB' },
    giftNote: 'Leave at the front door',
  };
}

/**
 * The same event with non-ASCII text (names, address, note): strings that take the UTF-8 paths, and
 * decoding that finds out its optimistic ASCII reading was wrong (see docs/codegen.md, Benchmarks).
 */
export function charterValueUtf8() {
  const v = charterValue();
  v.customer.fullName = 'Zoë Müller-Łukasiewicz';
  v.customer.shippingAddress = {
    line1: 'Bahnhofstraße 12',
    town: 'Zürich',
    postcode: '8001',
    countryCode: 'CH',
  };
  v.metadata.locale = 'de-CH';
  v.giftNote = 'Bitte beim Nachbarn abgeben 🎁';
  return v;
}

/** Big-endian two's complement of an unscaled decimal (what avsc takes for decimal bytes). */
function decimalBytes(text) {
  let hex = BigInt(text.replace('.', '')).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex[0], 16) >= 8) hex = `00${hex}`;
  return Buffer.from(hex, 'hex');
}

/** The same event as avsc takes it without logical types (long as number, decimal as bytes). */
export function avscValue(v = charterValue()) {
  return {
    ...v,
    placedAt: v.placedAt.getTime(),
    items: v.items.map((item) => ({ ...item, unitPrice: decimalBytes(item.unitPrice) })),
  };
}

/** The same event as a JSON payload usually carries it (decimals as strings, time as epoch millis). */
export function jsonValue() {
  const v = charterValue();
  return { ...v, placedAt: v.placedAt.getTime() };
}
