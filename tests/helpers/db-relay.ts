import net from 'node:net';

/**
 * A TCP relay in front of PostgreSQL that a test can break the way real outages do:
 * `cut()` closes every connection and stops listening (connection refused), `hang()`
 * keeps connections open but forwards nothing (a frozen server or a dead network
 * path: the case where warm pool connections used to wait 40 s and more).
 */
export function startDbRelay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  let isHung = false;

  const listen = () =>
    new Promise<void>((resolve) => {
      isHung = false;
      server = net.createServer((client) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => client.destroy());
        if (isHung) return;
        const upstream = net.connect(target.port, target.host);
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => upstream.destroy());
        client.on('data', (chunk) => {
          if (!isHung) upstream.write(chunk);
        });
        upstream.on('data', (chunk) => {
          if (!isHung) client.write(chunk);
        });
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as net.AddressInfo).port;
        resolve();
      });
    });

  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  return {
    listen,
    cut,
    hang: () => {
      isHung = true;
    },
    get port() {
      return port;
    },
  };
}
