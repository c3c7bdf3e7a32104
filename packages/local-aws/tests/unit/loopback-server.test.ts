import { createServer, get } from 'node:http';
import { listenOnLoopback } from '../../src';

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: the global agent would reuse a socket the server has since closed.
    get(url, { agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

describe('listenOnLoopback', () => {
  it('serves on 127.0.0.1 and a free port, and stops even with a keep-alive connection open', async () => {
    const server = createServer((_req, res) => res.end('pong'));
    server.keepAliveTimeout = 60_000;
    const { endpoint, stop } = await listenOnLoopback(server);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await fetchText(`${endpoint}/ping`)).toBe('pong');
    await stop();
    await expect(fetchText(`${endpoint}/ping`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
