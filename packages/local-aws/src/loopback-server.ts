import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A test HTTP server listening on loopback. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`: what the code under test is pointed at. */
  readonly endpoint: string;
  /** Drops open connections (keep-alive included) and closes the server. */
  stop(): Promise<void>;
}

/** Starts `server` on 127.0.0.1 and a free port: the stand-ins that speak an AWS protocol in tests. */
export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
