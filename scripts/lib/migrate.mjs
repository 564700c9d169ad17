// One step for every way TrialDesk migrates a database (npm start, db:migrate, the
// users CLI, tests, the container): apply pending migrations as the owner, then make
// sure the app's role exists and holds exactly its grants, new tables included.
import { ensureAppRole, grantAppRole, roleOf } from './db-roles.mjs';
import { applyMigrations } from './schema-engine.mjs';

/**
 * ownerUrl runs the migrations and owns the tables; appUrl is what the app connects
 * with. `manageRole` (embedded cluster, tests) creates the role and keeps its password
 * in step; otherwise an existing role is only granted to. The same URL twice means one
 * role does both (allowed, and warned about at start).
 */
export async function migrateDatabase({ ownerUrl, appUrl = ownerUrl, manageRole = false }) {
  if (roleOf(appUrl) !== roleOf(ownerUrl)) await ensureAppRole(ownerUrl, appUrl, { resetPassword: manageRole });
  const applied = await applyMigrations(ownerUrl);
  await grantAppRole(ownerUrl, roleOf(appUrl));
  return applied;
}
