// The first code every request meets, before Next: it stamps the client address
// from the socket (client-ip.mjs), refuses methods TrialDesk does not serve and
// addresses that hold NUL or bytes that are not UTF-8. Both must be stopped here:
// Next turns each request into a fetch Request, which refuses TRACE (a 500 with a
// stack trace before proxy.ts could answer), and re-encodes the query, so broken
// UTF-8 arrives at proxy.ts already replaced. proxy.ts repeats the checks
// (lib/http/methods.ts, lib/http/unsafe-text.ts) for a server started without this.
import http from 'node:http';
import https from 'node:https';
import { parseTrustedProxies, stampClientIp } from './client-ip.mjs';

/** Kept in step with lib/http/methods.ts (a test compares them). */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a raw request target (path and query, percent-encoded) is refused, or null. Same rule as lib/http/unsafe-text.ts. */
export function urlProblem(rawUrl) {
  const target = String(rawUrl ?? '');
  const at = target.indexOf('?');
  const parts = at < 0 ? [target] : [target.slice(0, at), ...target.slice(at + 1).split(/[&=]/)];
  for (const part of parts) {
    let decoded;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return 'The address contains an encoded byte sequence that is not valid UTF-8.';
    }
    if (decoded.includes('\u0000') || LONE_SURROGATE.test(decoded))
      return 'The address contains a NUL byte or an unpaired surrogate.';
  }
  return null;
}

function sendError(res, status, error, headers = {}) {
  const body = JSON.stringify({ error });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Answers 405 or 400 in the API error shape; true when the request was refused. */
export function refuseBadRequest(req, res) {
  if (!ALLOWED_METHODS.includes(String(req.method).toUpperCase())) {
    const message = `The ${String(req.method).slice(0, 20)} method is not supported.`;
    sendError(res, 405, { code: 'METHOD_NOT_ALLOWED', message }, { allow: ALLOWED_METHODS.join(', ') });
    return true;
  }
  const problem = urlProblem(req.url);
  if (problem) {
    sendError(res, 400, { code: 'VALIDATION_FAILED', message: problem, fields: { url: [problem] } });
    return true;
  }
  return false;
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
      if (refuseBadRequest(req, res)) return;
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
