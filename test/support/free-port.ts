import { createServer } from 'node:net';

/**
 * A port nobody listens on right now, from the operating system: parallel test files, a running
 * app or the kernel's own outgoing connections never collide with it (a random pick can).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
