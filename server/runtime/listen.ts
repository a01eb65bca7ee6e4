/**
 * Binds an HTTP server to loopback only: 127.0.0.1, and [::1] on the same port where the
 * machine has IPv6. A busy port fails with one sentence naming the port and the flag.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError } from '../errors';

export interface Listener {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  port: number;
  /** What this listener is, for messages: "protocol listener". */
  label: string;
  /** The CLI flag that sets the port: "--port". */
  flag: string;
}

export async function listenLoopback(handler: RequestListener, options: ListenOptions): Promise<Listener> {
  const v4 = createServer(handler);
  await bind(v4, '127.0.0.1', options.port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
      const why = error.code === 'EADDRINUSE' ? 'is already in use' : 'may not be used by this user';
      throw new StartupError(
        'port_unavailable',
        `Port ${options.port} on 127.0.0.1 ${why} (${options.label}); choose another with ${options.flag} <port>, or ${options.flag} 0 for any free port.`,
        error,
      );
    }
    throw error;
  });
  const port = (v4.address() as AddressInfo).port;
  const servers = [v4];
  const v6 = createServer(handler);
  // IPv6 loopback is a convenience: skip it quietly where absent or taken.
  if (
    await bind(v6, '::1', port).then(
      () => true,
      () => false,
    )
  )
    servers.push(v6);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => Promise.all(servers.map(closeGracefully)).then(() => undefined),
  };
}

function bind(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen({ host, port, ipv6Only: host === '::1' }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Stops accepting, lets in-flight requests finish for up to 1.5 s, then cuts the rest. */
function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const force = setTimeout(() => server.closeAllConnections(), 1500);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** A request listener whose real handler is set once start-up has what it needs. */
export function deferredHandler(): { listener: RequestListener; set(handler: RequestListener): void } {
  let handler: RequestListener | undefined;
  return {
    listener: (req, res) => {
      if (handler) return handler(req, res);
      res.writeHead(503, { 'Retry-After': '1', 'Content-Type': 'text/plain' }).end('Orgbench is starting.');
    },
    set: (next) => {
      handler = next;
    },
  };
}
