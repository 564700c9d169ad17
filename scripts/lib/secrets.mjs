import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from './database.mjs';

/**
 * NEXTAUTH_SECRET signs session cookies. A deployment must set it; the
 * embedded default generates one once and keeps it under .data/ so sessions
 * survive restarts.
 */
export function resolveAuthSecret({ isEmbedded }) {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!isEmbedded) {
    throw new Error(
      'NEXTAUTH_SECRET must be set when DATABASE_URL points at a server (e.g. `openssl rand -base64 32`).',
    );
  }
  const file = path.join(dataDir, 'nextauth-secret');
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
