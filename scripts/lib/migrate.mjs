// One step for every way TrialDesk migrates a database (npm start, db:migrate, the
// users CLI, tests, the container): apply pending migrations as the owner, then make
// sure the app's role exists and holds exactly its grants, new tables included.
import pg from 'pg';
import { ensureAppRole, grantAppRole, roleOf } from './db-roles.mjs';
import { applyMigrations } from './schema-engine.mjs';

/** A fixed advisory-lock key for TrialDesk's migrations (any bigint; this one spells 'TDMIGRAT'). */
const MIGRATION_LOCK_KEY = '6072063174726795604';

/**
 * ownerUrl runs the migrations and owns the tables; appUrl is what the app connects
 * with. `manageRole` (embedded cluster, tests) creates the role and keeps its password
 * in step; otherwise an existing role is only granted to. The same URL twice means one
 * role does both (allowed, and warned about at start).
 */
export async function migrateDatabase({ ownerUrl, appUrl = ownerUrl, manageRole = false }) {
  // Several replicas may start at once (compose, a rolling deploy): one migrates, the others wait
  // on this session lock and then find the schema up to date.
  const lock = new pg.Client({ connectionString: ownerUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    if (roleOf(appUrl) !== roleOf(ownerUrl)) await ensureAppRole(ownerUrl, appUrl, { resetPassword: manageRole });
    const applied = await applyMigrations(ownerUrl);
    await grantAppRole(ownerUrl, roleOf(appUrl));
    return applied;
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await lock.end();
  }
}
