// The first code every request meets, before Next: it stamps the client address
// from the socket (client-ip.mjs) and refuses methods TrialDesk does not serve.
// TRACE, TRACK and CONNECT must be stopped here: Next turns each request into a
// fetch Request, which refuses those methods, so they used to end as a 500 with a
// stack trace before proxy.ts could answer.
import http from 'node:http';
import https from 'node:https';
import { parseTrustedProxies, stampClientIp } from './client-ip.mjs';

/** Kept in step with lib/http/methods.ts (a test compares them). */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Answers 405 in the API error shape; true when the request was refused. */
export function refuseUnsupportedMethod(req, res) {
  if (ALLOWED_METHODS.includes(String(req.method).toUpperCase())) return false;
  const body = JSON.stringify({
    error: { code: 'METHOD_NOT_ALLOWED', message: `The ${String(req.method).slice(0, 20)} method is not supported.` },
  });
  res.writeHead(405, {
    allow: ALLOWED_METHODS.join(', '),
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
  return true;
}

/**
 * Wraps the request listener of every HTTP server this process creates. Loaded with
 * `--import` (request-gate-preload.mjs) by scripts/lib/app-server.mjs (`npm start`,
 * `npm run dev`, the e2e run) and called by the Docker entry point, so it covers
 * `next start`, `next dev` and the standalone server alike.
 */
export function installRequestGate(env = process.env) {
  const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
  const gate = (listener) =>
    function gatedListener(req, res) {
      stampClientIp(req, trustedProxies);
      if (refuseUnsupportedMethod(req, res)) return;
      return listener.call(this, req, res);
    };
  for (const mod of [http, https]) {
    if (mod.createServer.trialdeskGated) continue;
    const original = mod.createServer;
    const patched = function createServer(...args) {
      const at = args.findIndex((arg) => typeof arg === 'function');
      if (at >= 0) args[at] = gate(args[at]);
      const server = original.apply(this, args);
      // A listener added later with server.on('request') still sees the stamped address.
      if (at < 0) server.prependListener('request', (req) => stampClientIp(req, trustedProxies));
      return server;
    };
    patched.trialdeskGated = true;
    mod.createServer = patched;
  }
}
