import net from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { checkHealth } from '@/lib/health/check-health';

/** A TCP relay in front of PostgreSQL that the test can cut and restore, like a database outage. */
function startRelay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server?.close(() => resolve());
    });
  return {
    listen,
    cut,
    get port() {
      return port;
    },
  };
}

const url = new URL(process.env.DATABASE_URL!);
const relay = startRelay({ host: url.hostname, port: Number(url.port || 5432) });
await relay.listen();
const relayed = new URL(url);
relayed.port = String(relay.port);
const db = new PrismaClient({
  adapter: new PrismaPg({ connectionString: relayed.toString(), connectionTimeoutMillis: 1_000 }),
});

afterAll(async () => {
  await db.$disconnect();
  await relay.cut();
});

describe('checkHealth', () => {
  it('reports ok, then down while the database is unreachable, then ok again by itself', async () => {
    expect(await checkHealth({ db })).toEqual({ status: 'ok', db: 'ok' });
    await relay.cut();
    expect(await checkHealth({ db, timeoutMs: 1_500 })).toEqual({ status: 'error', db: 'down' });
    await relay.listen();
    let health = await checkHealth({ db });
    for (let i = 0; i < 5 && health.status !== 'ok'; i += 1) health = await checkHealth({ db });
    expect(health).toEqual({ status: 'ok', db: 'ok' });
  }, 30_000);
});
