import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashRecoveryCode, normalizeRecoveryCode, openSecret, sealSecret } from './secret-box';

describe('two-factor secrets at rest', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('seals with AES-GCM so only the same key and the same user id open it', () => {
    vi.stubEnv('NEXTAUTH_SECRET', 'first-secret-0123456789abcdef0123456789');
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret('JBSWY3DPEHPK3PXP', 'user-1')).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(sealed, 'user-2')).toThrow();

    const [version, iv, tag, body] = sealed.split('.');
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => openSecret([version, iv, tag, flipped].join('.'), 'user-1')).toThrow();

    vi.stubEnv('NEXTAUTH_SECRET', 'another-secret-0123456789abcdef01234567');
    expect(() => openSecret(sealed, 'user-1')).toThrow();
  });

  it('hashes recovery codes per user, ignoring case and dashes', () => {
    vi.stubEnv('NEXTAUTH_SECRET', 'first-secret-0123456789abcdef0123456789');
    expect(normalizeRecoveryCode('AB2C-DEF3-GHI4')).toBe('ab2cdef3ghi4');
    expect(hashRecoveryCode('ab2c-def3-ghi4', 'user-1')).toBe(hashRecoveryCode('AB2CDEF3GHI4', 'user-1'));
    expect(hashRecoveryCode('ab2c-def3-ghi4', 'user-1')).not.toBe(hashRecoveryCode('ab2c-def3-ghi4', 'user-2'));
  });

  it('refuses to work without NEXTAUTH_SECRET', () => {
    vi.stubEnv('NEXTAUTH_SECRET', '');
    expect(() => sealSecret('x', 'user-1')).toThrow(/NEXTAUTH_SECRET/);
  });
});
