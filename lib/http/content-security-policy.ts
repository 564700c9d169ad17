// The Content-Security-Policy for pages. Scripts run only with this response's
// nonce (Next reads it from the request's CSP header and puts it on its own
// scripts); 'strict-dynamic' lets those scripts load Next's chunks. Styles keep
// 'unsafe-inline': React and Next set style attributes, which a nonce cannot cover,
// and a style cannot run code.

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

export function contentSecurityPolicy(nonce: string, { isDev = false } = {}): string {
  return [
    "default-src 'self'",
    // Next's dev overlay and fast refresh evaluate code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
