// Which address a request came from, decided once where the socket is still
// visible (Next's route handlers and pages never see it). The answer is stamped
// on the request as `x-trialdesk-client-ip`; lib/auth/request-context.ts reads
// that header and nothing else, so a forged X-Forwarded-For never reaches the
// audit trail.
import net from 'node:net';

export const CLIENT_IP_HEADER = 'x-trialdesk-client-ip';

/** Bare address for comparison: IPv4-mapped IPv6 (::ffff:10.0.0.1) becomes 10.0.0.1; anything else invalid is null. */
export function normalizeAddress(value) {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const bare = trimmed.toLowerCase().startsWith('::ffff:') && net.isIPv4(trimmed.slice(7)) ? trimmed.slice(7) : trimmed;
  return net.isIP(bare) ? bare : null;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges of the reverse proxies in
 * front of the app (e.g. "10.0.0.0/8, ::1"). Empty or unset: no proxy is trusted.
 */
export function parseTrustedProxies(value) {
  const entries = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const bare = normalizeAddress(address);
    if (!bare) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    const family = net.isIPv6(bare) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(bare, family);
    else list.addSubnet(bare, Number(prefix), family);
  }
  return list;
}

function isTrusted(list, address) {
  return list.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then
 * X-Forwarded-For is read from the right (each proxy appends the address it saw) and
 * the first entry that is not a trusted proxy wins. Entries left of it were written by
 * the client and prove nothing. A malformed entry ends the walk at the last address a
 * trusted proxy vouched for.
 */
export function resolveClientIp({ socketAddress, forwardedFor, trustedProxies }) {
  const peer = normalizeAddress(socketAddress);
  if (!peer || !trustedProxies || !isTrusted(trustedProxies, peer)) return peer;
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim());
  let vouched = peer;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return vouched;
    if (!isTrusted(trustedProxies, hop)) return hop;
    vouched = hop;
  }
  return vouched;
}

/** Overwrites any inbound copy of the header with the address resolved from the socket. */
export function stampClientIp(req, trustedProxies) {
  delete req.headers[CLIENT_IP_HEADER];
  const ip = resolveClientIp({
    socketAddress: req.socket?.remoteAddress,
    forwardedFor: req.headers['x-forwarded-for'],
    trustedProxies,
  });
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
}
