import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from './database.mjs';
import { MIN_SECRET_LENGTH } from './production-checks.mjs';

/** The variable when set; else (embedded default only) a value generated once into .data/. */
function resolveSecret({ name, file, isEmbedded, hint }) {
  if (process.env[name]) return process.env[name];
  if (!isEmbedded) throw new Error(`${name} must be set when DATABASE_URL points at a server (${hint}).`);
  const filePath = path.join(dataDir, file);
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(filePath)) return readFileSync(filePath, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(filePath, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * NEXTAUTH_SECRET signs session cookies. A deployment must set it; the
 * embedded default generates one once and keeps it under .data/ so sessions
 * survive restarts.
 */
export function resolveAuthSecret({ isEmbedded }) {
  return resolveSecret({
    name: 'NEXTAUTH_SECRET',
    file: 'nextauth-secret',
    isEmbedded,
    hint: 'e.g. `openssl rand -base64 32`',
  });
}

/**
 * AUDIT_KEY seals the audit chain and the electronic signatures. It must never be in
 * the database it protects; losing it means the chain can no longer be verified, so
 * a deployment sets it (and backs it up) and the embedded default keeps it in .data/.
 */
export function resolveAuditKey({ isEmbedded }) {
  const key = resolveSecret({
    name: 'AUDIT_KEY',
    file: 'audit-key',
    isEmbedded,
    hint: 'e.g. `openssl rand -base64 32`; back it up: without it the audit chain cannot be verified',
  });
  if (key.length < MIN_SECRET_LENGTH)
    throw new Error(`AUDIT_KEY is too short: use at least ${MIN_SECRET_LENGTH} characters (openssl rand -base64 32).`);
  return key;
}
