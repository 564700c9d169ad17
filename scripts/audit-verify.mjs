// npm run audit:verify — walks the whole audit chain from its first event and exits
// non-zero naming the first event that was changed, removed or inserted. The database
// is DATABASE_URL or the embedded PostgreSQL; the key is AUDIT_KEY (or, embedded, the
// one in .data/). The result is recorded, so the admin dashboard shows it too.
import { resolveDatabase } from './lib/database.mjs';
import { runTs } from './lib/run-ts.mjs';
import { resolveAuditKey } from './lib/secrets.mjs';

let db;
let code = 1;
try {
  db = await resolveDatabase();
  const auditKey = resolveAuditKey({ isEmbedded: db.isEmbedded });
  code = await runTs('scripts/audit-verify-cli.ts', { env: { DATABASE_URL: db.url, AUDIT_KEY: auditKey } });
} catch (error) {
  console.error(`Could not verify the audit chain: ${String(error?.message ?? error).split('\n')[0]}`);
} finally {
  await db?.stop();
}
process.exit(code);
