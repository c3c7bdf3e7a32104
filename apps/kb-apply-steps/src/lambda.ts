// The bundle's entry (dist/index.js): one package, two functions. `index.handler` creates the vector index;
// `index.startIngestion` starts an ingestion job when the documents change.
export { handler } from './handler';
export { startIngestion } from './ingestion-handler';
