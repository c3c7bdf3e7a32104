/**
 * The signed-in customer of every bench event (session attribute customerId); the bench's table gives every
 * order to this customer (local-table.ts).
 */
export const BENCH_CUSTOMER_ID = 'C-42';
