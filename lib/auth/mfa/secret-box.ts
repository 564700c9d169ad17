import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

// Secrets at rest for two-factor sign-in (docs/decisions/0033-two-factor-sign-in.md).
// Keys are derived from NEXTAUTH_SECRET with HKDF-SHA256, one per purpose, so a
// database dump alone reveals neither TOTP secrets nor recovery codes, and no
// second secret has to be provisioned.

const VERSION = 'v1';
const SALT = 'trialdesk-mfa';

function rootSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET must be set to use two-factor sign-in.');
  return secret;
}

function deriveKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootSecret(), SALT, `trialdesk:${purpose}:${VERSION}`, 32));
}

/**
 * AES-256-GCM with a fresh 96-bit IV. The user id is the additional data, so a
 * ciphertext copied onto another account does not decrypt.
 */
export function sealSecret(plain: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey('totp-secret'), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Throws when the value was tampered with, belongs to another user or the key changed. */
export function openSecret(sealed: string, userId: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !body) throw new Error('Unreadable two-factor secret.');
  const decipher = createDecipheriv('aes-256-gcm', deriveKey('totp-secret'), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * Recovery codes carry 60 random bits, so a keyed hash (not a slow password
 * hash) is enough, and it lets sign-in find the code with one indexed lookup.
 */
export function hashRecoveryCode(code: string, userId: string): string {
  return createHmac('sha256', deriveKey('recovery-code'))
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}

/** Recovery codes are shown as xxxx-xxxx-xxxx; case and dashes do not matter on entry. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z2-7]/g, '');
}
