// Realistic event contracts for the compatibility benchmark: an order and a payment event as a
// commerce team would write them (nested records, enums, decimals, timestamps, arrays, maps, unions),
// and the evolutions such contracts go through.

const money = {
  type: 'record',
  name: 'Money',
  namespace: 'com.acme.common',
  fields: [
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } },
    { name: 'currency', type: { type: 'string' }, doc: 'ISO 4217 code' },
  ],
};

const address = {
  type: 'record',
  name: 'Address',
  namespace: 'com.acme.common',
  fields: [
    { name: 'line1', type: 'string' },
    { name: 'line2', type: ['null', 'string'], default: null },
    { name: 'city', type: 'string' },
    { name: 'postalCode', type: 'string' },
    { name: 'country', type: 'string' },
  ],
};

export function orderPlaced({
  extraFields = [],
  statusSymbols = ['PLACED', 'CONFIRMED', 'CANCELLED'],
  qtyType = 'int',
} = {}) {
  return {
    type: 'record',
    name: 'OrderPlaced',
    namespace: 'com.acme.orders',
    doc: 'An order was placed',
    fields: [
      { name: 'orderId', type: { type: 'string', logicalType: 'uuid' } },
      { name: 'customerId', type: 'string' },
      { name: 'placedAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
      {
        name: 'status',
        type: { type: 'enum', name: 'OrderStatus', symbols: statusSymbols, default: statusSymbols[0] },
      },
      {
        name: 'lines',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'OrderLine',
            fields: [
              { name: 'sku', type: 'string' },
              { name: 'quantity', type: qtyType },
              { name: 'unitPrice', type: money },
              { name: 'discount', type: ['null', 'com.acme.common.Money'], default: null },
            ],
          },
        },
      },
      { name: 'total', type: 'com.acme.common.Money' },
      { name: 'shippingAddress', type: address },
      { name: 'billingAddress', type: ['null', 'com.acme.common.Address'], default: null },
      { name: 'attributes', type: { type: 'map', values: 'string' }, default: {} },
      { name: 'channel', type: { type: 'enum', name: 'Channel', symbols: ['WEB', 'APP', 'STORE'] } },
      ...extraFields,
    ],
  };
}

export function paymentCaptured({
  extraFields = [],
  methodSymbols = ['CARD', 'WALLET', 'BANK_TRANSFER'],
} = {}) {
  return {
    type: 'record',
    name: 'PaymentCaptured',
    namespace: 'com.acme.payments',
    fields: [
      { name: 'paymentId', type: { type: 'string', logicalType: 'uuid' } },
      { name: 'orderId', type: 'string' },
      { name: 'capturedAt', type: { type: 'long', logicalType: 'timestamp-micros' } },
      { name: 'amount', type: money },
      { name: 'method', type: { type: 'enum', name: 'PaymentMethod', symbols: methodSymbols } },
      {
        name: 'card',
        type: [
          'null',
          {
            type: 'record',
            name: 'CardDetails',
            fields: [
              { name: 'brand', type: 'string' },
              { name: 'last4', type: { type: 'fixed', name: 'Last4', size: 4 } },
              { name: 'expMonth', type: 'int' },
              { name: 'expYear', type: 'int' },
            ],
          },
        ],
        default: null,
      },
      { name: 'fees', type: { type: 'array', items: 'com.acme.common.Money' }, default: [] },
      {
        name: 'metadata',
        type: { type: 'map', values: ['null', 'string', 'long', 'double', 'boolean'] },
        default: {},
      },
      ...extraFields,
    ],
  };
}

/** Reader/writer pairs of realistic evolutions, compatible and not. */
export function evolutionPairs() {
  const note = { name: 'note', type: ['null', 'string'], default: null };
  const giftWrap = { name: 'giftWrap', type: 'boolean' };
  return [
    ['order: identical', orderPlaced(), orderPlaced()],
    ['order: field added with default', orderPlaced({ extraFields: [note] }), orderPlaced()],
    ['order: field added without default', orderPlaced({ extraFields: [giftWrap] }), orderPlaced()],
    [
      'order: enum symbol added (reader has default)',
      orderPlaced(),
      orderPlaced({ statusSymbols: ['PLACED', 'CONFIRMED', 'CANCELLED', 'SHIPPED'] }),
    ],
    ['order: quantity narrowed long→int', orderPlaced(), orderPlaced({ qtyType: 'long' })],
    ['payment: identical', paymentCaptured(), paymentCaptured()],
    [
      'payment: enum symbol removed',
      paymentCaptured({ methodSymbols: ['CARD', 'WALLET'] }),
      paymentCaptured(),
    ],
    ['payment: field added with default', paymentCaptured({ extraFields: [note] }), paymentCaptured()],
  ];
}

/** `count` versions of the order event, each adding one defaulted field to the previous one. */
export function orderHistory(count) {
  const versions = [];
  const extra = [];
  for (let i = 0; i < count; i++) {
    versions.push(orderPlaced({ extraFields: [...extra] }));
    extra.push({ name: `extra${i}`, type: ['null', 'string'], default: null });
  }
  return { versions, candidate: orderPlaced({ extraFields: [...extra] }) };
}
