import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ALLOWED_METHODS as APP_METHODS } from '@/lib/http/methods';
import { urlTextProblem } from '@/lib/http/unsafe-text';
import { parseTrustedProxies, resolveClientIp } from './client-ip.mjs';
import { ALLOWED_METHODS, installRequestGate, urlProblem } from './request-gate.mjs';

const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, ::1');

describe('resolveClientIp', () => {
  it('[ANYONE] a forged X-Forwarded-For is ignored when no proxy is trusted: the socket address is used', () => {
    expect(resolveClientIp({ socketAddress: '203.0.113.9', forwardedFor: '1.2.3.4', trustedProxies: null })).toBe(
      '203.0.113.9',
    );
  });

  it('[ANYONE] a forged header from a client that is not a trusted proxy is ignored', () => {
    expect(resolveClientIp({ socketAddress: '203.0.113.9', forwardedFor: '10.1.1.1', trustedProxies: proxies })).toBe(
      '203.0.113.9',
    );
  });

  it('behind a trusted proxy, the right-most untrusted X-Forwarded-For entry is the client', () => {
    // The client prepended "6.6.6.6"; the proxy appended what it saw (198.51.100.7).
    expect(
      resolveClientIp({
        socketAddress: '10.0.0.2',
        forwardedFor: '6.6.6.6, 198.51.100.7, 192.168.1.5',
        trustedProxies: proxies,
      }),
    ).toBe('198.51.100.7');
  });

  it('IPv4-mapped IPv6 socket addresses are reported as IPv4', () => {
    expect(resolveClientIp({ socketAddress: '::ffff:127.0.0.1', forwardedFor: null, trustedProxies: null })).toBe(
      '127.0.0.1',
    );
  });

  it('a malformed entry stops the walk at the last address a trusted proxy vouched for', () => {
    expect(
      resolveClientIp({ socketAddress: '10.0.0.2', forwardedFor: '<script>, 10.0.0.3', trustedProxies: proxies }),
    ).toBe('10.0.0.3');
    expect(resolveClientIp({ socketAddress: '::1', forwardedFor: '', trustedProxies: proxies })).toBe('::1');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address', () => {
    expect(() => parseTrustedProxies('proxy.internal')).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('installRequestGate', () => {
  async function withServer(run: (base: string, seen: Array<{ method?: string; ip?: string }>) => Promise<void>) {
    installRequestGate({});
    const seen: Array<{ method?: string; ip?: string }> = [];
    const server = http.createServer((req, res) => {
      seen.push({ method: req.method, ip: req.headers['x-trialdesk-client-ip'] as string | undefined });
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await run(`http://127.0.0.1:${port}`, seen);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('[ANYONE] an inbound x-trialdesk-client-ip is replaced by the socket address before the app sees it', async () => {
    await withServer(async (base, seen) => {
      await fetch(`${base}/`, { headers: { 'x-trialdesk-client-ip': '6.6.6.6', 'x-forwarded-for': '6.6.6.6' } });
      expect(seen).toEqual([{ method: 'GET', ip: '127.0.0.1' }]);
    });
  });

  it('[ANYONE] TRACE and PROPFIND get 405 with Allow and never reach the app', async () => {
    await withServer(async (base, seen) => {
      for (const method of ['TRACE', 'PROPFIND']) {
        const res = await new Promise<http.IncomingMessage & { body: string }>((resolve, reject) => {
          const req = http.request(`${base}/api/v1/candidates`, { method }, (r) => {
            let body = '';
            r.on('data', (chunk) => {
              body += chunk;
            });
            r.on('end', () => resolve(Object.assign(r, { body })));
          });
          req.on('error', reject);
          req.end();
        });
        expect(res.statusCode).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
        expect(JSON.parse(res.body).error.code).toBe('METHOD_NOT_ALLOWED');
      }
      expect(seen).toEqual([]);
    });
  });

  it('[ANYONE] a NUL byte or broken UTF-8 in the address is a 400 before the app sees it', async () => {
    await withServer(async (base, seen) => {
      for (const path of ['/candidates/%00', '/api/v1/candidates?q=%ED%A0%80', '/x?q=%FF']) {
        const res = await fetch(`${base}${path}`);
        expect(res.status, path).toBe(400);
        expect((await res.json()).error.fields.url).toHaveLength(1);
      }
      expect((await fetch(`${base}/candidates?q=Zo%C3%AB`)).status).toBe(200);
      expect(seen.map((s) => s.method)).toEqual(['GET']);
    });
  });

  it('allows the same methods and refuses the same addresses as the proxy', () => {
    expect([...ALLOWED_METHODS]).toEqual([...APP_METHODS]);
    for (const url of ['/a%00', '/a?b=%ED%A0%80', '/a?b=%E2%82', '/a?b=%E2%82%AC&c=d+e', '/%C3%A9', '/a?%00=1']) {
      const [path, query = ''] = url.split('?');
      expect(urlProblem(url) === null, url).toBe(urlTextProblem(path, query ? `?${query}` : '') === null);
    }
  });
});
