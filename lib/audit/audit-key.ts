import { createHmac } from 'node:crypto';

// AUDIT_KEY is the one secret that makes the audit chain and electronic signatures
// tamper-evident: it is never stored in the database, so someone who can rewrite rows
// (even a database superuser) cannot recompute a valid seal. Each use gets its own
// derived key, so a value computed for one purpose never validates for another.

export type KeyPurpose = 'audit-chain' | 'audit-check' | 'signature';

const MIN_KEY_LENGTH = 32;
const derived = new Map<string, Buffer>();

function masterKey(): string {
  const key = process.env.AUDIT_KEY;
  if (!key)
    throw new Error(
      'AUDIT_KEY is not set: audit events and signatures cannot be sealed (npm start generates one into .data/; a server deployment must set it).',
    );
  if (key.length < MIN_KEY_LENGTH)
    throw new Error(`AUDIT_KEY is too short: use at least ${MIN_KEY_LENGTH} characters (openssl rand -base64 32).`);
  return key;
}

function keyFor(purpose: KeyPurpose): Buffer {
  const master = masterKey();
  const cacheKey = `${purpose}\u0000${master}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = createHmac('sha256', master).update(`trialdesk/${purpose}/v1`).digest();
    derived.set(cacheKey, key);
  }
  return key;
}

/** HMAC-SHA256 (hex) of `data` under the key derived from AUDIT_KEY for `purpose`. */
export function keyedHmac(purpose: KeyPurpose, data: string): string {
  return createHmac('sha256', keyFor(purpose)).update(data).digest('hex');
}
