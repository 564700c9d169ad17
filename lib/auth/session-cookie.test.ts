import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { claimsFromCookies, sessionCookieName } from './session-cookie';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const claims = { uid: 'user-1', sv: 3, sid: 'session-1', authTime: 1_700_000_000_000, lastActive: 1_700_000_100_000 };

function jar(cookies: Record<string, string>) {
  return { getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) };
}

describe('the session cookie', () => {
  it('is named as next-auth names it: __Secure- prefixed behind an https NEXTAUTH_URL only', () => {
    expect(sessionCookieName('https://trialdesk.clinic.org')).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName('http://localhost:3000')).toBe('next-auth.session-token');
    expect(sessionCookieName(undefined)).toBe('next-auth.session-token');
  });

  it('decrypts to the claims next-auth put in it', async () => {
    const token = await encode({ secret, token: claims });
    const read = await claimsFromCookies(jar({ 'next-auth.session-token': token, other: 'x' }), { secret });
    expect(read).toMatchObject(claims);
  });

  it('over https, reads only the __Secure- cookie', async () => {
    const token = await encode({ secret, token: claims });
    const nextAuthUrl = 'https://trialdesk.clinic.org';
    expect(await claimsFromCookies(jar({ 'next-auth.session-token': token }), { secret, nextAuthUrl })).toBeNull();
    expect(
      await claimsFromCookies(jar({ '__Secure-next-auth.session-token': token }), { secret, nextAuthUrl }),
    ).toMatchObject(claims);
  });

  it('puts a token split into chunks back together in chunk order', async () => {
    const token = await encode({ secret, token: claims });
    const third = Math.ceil(token.length / 3);
    const chunks = {
      'next-auth.session-token.2': token.slice(2 * third),
      'next-auth.session-token.0': token.slice(0, third),
      'next-auth.session-token.1': token.slice(third, 2 * third),
      'next-auth.session-token.x': 'not a chunk',
    };
    expect(await claimsFromCookies(jar(chunks), { secret })).toMatchObject(claims);
  });

  it('is no session when missing, sealed with another secret, altered or expired', async () => {
    const token = await encode({ secret, token: claims });
    expect(await claimsFromCookies(jar({}), { secret })).toBeNull();
    const foreign = await encode({ secret: `${secret}-elsewhere`, token: claims });
    expect(await claimsFromCookies(jar({ 'next-auth.session-token': foreign }), { secret })).toBeNull();
    const altered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await claimsFromCookies(jar({ 'next-auth.session-token': altered }), { secret })).toBeNull();
    const expired = await encode({ secret, token: claims, maxAge: -60 });
    expect(await claimsFromCookies(jar({ 'next-auth.session-token': expired }), { secret })).toBeNull();
  });
});
