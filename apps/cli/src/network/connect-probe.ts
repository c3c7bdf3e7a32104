import { connect } from 'node:net';
import { NetworkError } from '../errors';
import { formatSeconds } from './network-timeouts';

/**
 * Opens (and closes) one TCP connection to `endpoint` within `timeoutMs`. The SDK's HTTP/2 handler has no
 * connect timeout of its own, and its errors for an unreachable host read "the pending stream has been
 * canceled"; this says what is wrong, in one line, before any request is sent.
 */
export function probeConnect(endpoint: string, timeoutMs: number): Promise<void> {
  const url = new URL(endpoint);
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new NetworkError(
          `could not connect to ${endpoint} within ${formatSeconds(timeoutMs)} (--connect-timeout)`,
          endpoint,
        ),
      );
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(unreachable(endpoint, error));
    });
  });
}

function unreachable(endpoint: string, error: NodeJS.ErrnoException): NetworkError {
  const code = error.code ?? error.name;
  const why =
    code === 'ECONNREFUSED'
      ? `nothing is listening at ${endpoint}`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `cannot resolve the host of ${endpoint}`
        : `cannot reach ${endpoint}`;
  return new NetworkError(`${why} (${code})`, endpoint, { cause: error });
}
