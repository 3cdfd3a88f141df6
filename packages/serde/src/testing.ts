/**
 * `@charter/serde/testing`: fast-check arbitraries of values in the charter representation of any schema,
 * for property tests of code that produces or consumes events. Needs `fast-check` (an optional peer).
 */
export { type ArbitraryOptions, arbitraryFor } from './testing/arbitrary.js';
