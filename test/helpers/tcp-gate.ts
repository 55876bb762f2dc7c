// A TCP relay on 127.0.0.1 in front of a real server, that a test can close and open again: the
// database "goes away" (every connection cut, new ones reset at once) and comes back, on the wire,
// with nothing in the program under test told or mocked.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpGate {
  readonly port: number;
  /** Cuts every open connection and resets new ones until `open()`. */
  close(): void;
  open(): void;
  stop(): Promise<void>;
}

export async function tcpGate(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpGate> {
  let closed = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (closed) return void client.resetAndDestroy();
    const upstream = connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => (client.destroy(), upstream.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close() {
      closed = true;
      for (const s of sockets) s.resetAndDestroy();
    },
    open() {
      closed = false;
    },
    stop: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
