export type { FixtureCustomer } from './fixtures';
export { FIXTURES_AS_OF, fixtureCustomers, fixtureOrders, fixturesNow, rebaseOrder } from './fixtures';
export { type LocalOrderServiceOptions, localOrderService } from './local-order-service';
export { createOrdersTable, seedOrders } from './orders-table';
export type { SeededOrdersTable, SeededOrdersTableOptions } from './seeded-table';
export { startSeededOrdersTable } from './seeded-table';
