/// <reference path="./dynalite.d.ts" />
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/** A running in-memory DynamoDB (dynalite) on a loopback port. */
export interface LocalDynamoDb {
  /** `http://127.0.0.1:<port>`: give it to the SDK as `AWS_ENDPOINT_URL_DYNAMODB` or `endpoint`. */
  readonly endpoint: string;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalDynamoDbOptions {
  /**
   * Milliseconds a table stays CREATING, and likewise for deletes and updates.
   * @default 0 (tables are ACTIVE at once, which keeps tests fast)
   */
  readonly tableStateChangeMs?: number;
  /**
   * Port to listen on.
   * @default 0 (a free port chosen by the operating system)
   */
  readonly port?: number;
}

/** Starts dynalite in this process on 127.0.0.1, in memory. */
export async function startLocalDynamoDb(options: LocalDynamoDbOptions = {}): Promise<LocalDynamoDb> {
  const delay = options.tableStateChangeMs ?? 0;
  const server = dynalite({ createTableMs: delay, deleteTableMs: delay, updateTableMs: delay });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      return stopped;
    },
  };
}
