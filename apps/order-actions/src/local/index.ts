export { FIXTURES_AS_OF, fixtureOrders, rebaseOrder } from './fixtures';
export { createOrdersTable, seedOrders } from './orders-table';
