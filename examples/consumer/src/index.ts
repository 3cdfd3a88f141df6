export {
  BILLING_GROUP,
  type BillingOptions,
  billingConsumer,
  migrateBilling,
  UnbillableOrderError,
} from './billing.js';
