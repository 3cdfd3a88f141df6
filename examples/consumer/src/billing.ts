import { OrderPlaced } from '@acme-events/order-placed';
import {
  type Clock,
  type ConsumerKit,
  type ConsumerStore,
  contractDecoder,
  createConsumerKit,
  type KitEvent,
  type ProducerPort,
} from '@charter/consumer';
import type { Serde } from '@charter/serde';

/** The consumer group of the billing service: it keys the store's rows and the dead letters. */
export const BILLING_GROUP = 'billing';

/** The service's own table, in the same database as the kit's `charter_*` tables. */
const INVOICE_TABLE = `
create table if not exists invoice (
  order_id uuid not null constraint invoice_order_key unique,
  customer_id uuid not null,
  total numeric(12, 2) not null,
  currency text not null,
  line_count int not null,
  placed_at timestamptz not null,
  event_id text not null)`;

export async function migrateBilling(store: ConsumerStore): Promise<void> {
  await store.query(INVOICE_TABLE);
}

/** An order the business cannot bill: retried (it may be a transient bug fix away), then dead-lettered. */
export class UnbillableOrderError extends Error {
  override name = 'UnbillableOrder';
}

export interface BillingOptions {
  store: ConsumerStore;
  /** Produces dead letters to `orders.order-placed-dlt`. */
  producer: ProducerPort;
  /** Decodes the Confluent wire format against the registry (writer → the package's version). */
  serde: Serde;
  observer?: (event: KitEvent) => void;
  clock?: Clock;
}

/**
 * Bills each OrderPlaced once: one invoice per order id. A redelivered or re-sent event is skipped by
 * its event id; a second, different event for the same order id is a business-key conflict and goes to
 * the dead-letter topic with the event that holds the order.
 */
export function billingConsumer(options: BillingOptions): ConsumerKit {
  return createConsumerKit<OrderPlaced>({
    groupId: BILLING_GROUP,
    store: options.store,
    producer: options.producer,
    decode: contractDecoder(options.serde, OrderPlaced),
    businessKeys: (order) => [{ type: 'order-id', value: order.orderId }],
    businessKeyConstraints: { invoice_order_key: 'order-id' },
    async handle(order, { tx, eventId }) {
      if (order.items.length === 0) throw new UnbillableOrderError(`order ${order.orderId} has no items`);
      await tx.query(
        `insert into invoice (order_id, customer_id, total, currency, line_count, placed_at, event_id)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          order.orderId,
          order.customer.customerId,
          order.total.amount,
          order.total.currency,
          order.items.length,
          order.placedAt.toISOString(),
          eventId.id,
        ],
      );
    },
    ...(options.observer ? { observer: options.observer } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
