/**
 * Where to go after signing in. Only a same-site path is accepted: "//evil.example"
 * and "/\evil.example" are protocol-relative URLs to another host in browsers,
 * so anything but a plain "/path" falls back to the dashboard.
 */
export function safeCallbackUrl(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // Control characters (tabs, newlines) are stripped by URL parsers and could smuggle a "//" in.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return '/';
  // Sending someone back to sign-in after signing in would be a loop.
  if (raw === '/signin' || raw.startsWith('/signin?') || raw.startsWith('/signin/')) return '/';
  return raw;
}
