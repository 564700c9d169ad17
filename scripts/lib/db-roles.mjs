// Least privilege in PostgreSQL. Migrations run as the owner of the tables (the
// MIGRATION_DATABASE_URL role; the embedded cluster's own superuser by default). The app
// runs as a role that owns nothing, is no superuser (so it cannot SET
// session_replication_role or disable triggers) and holds only the grants below: read
// and write on every table except the audit trail and its checks, which it may only
// read and append to. Grants are re-applied after every migration run, so a new table
// is covered at once; default privileges cover tables the owner creates by hand.
import pg from 'pg';

/** The app's role on the embedded cluster. */
export const APP_ROLE = 'trialdesk_app';
/** Tables the app reads and appends to, never changes. */
const APPEND_ONLY_TABLES = ['AuditEvent', 'AuditChainCheck', 'ConsentDocument'];
/** The schema engine's bookkeeping: the app has no business there. */
const OWNER_ONLY_TABLES = ['_prisma_migrations'];

async function withClient(url, run) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function roleOf(url) {
  return decodeURIComponent(new URL(url).username);
}

export function withCredentials(url, user, password) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * Creates the app's login role (from the user and password in appUrl) when it does not
 * exist and the owner may create roles. `resetPassword` keeps the password of a role we
 * manage ourselves (the embedded cluster, tests) in step with appUrl. An existing role is
 * otherwise left as it is: the start-up check warns if it is too powerful.
 */
export async function ensureAppRole(ownerUrl, appUrl, { resetPassword = false } = {}) {
  const role = roleOf(appUrl);
  const password = decodeURIComponent(new URL(appUrl).password);
  if (role === roleOf(ownerUrl)) return { created: false };
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const passwordSql = password ? `PASSWORD ${client.escapeLiteral(password)}` : '';
    if (rows.length === 0) {
      await client.query(
        `CREATE ROLE ${client.escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT ${passwordSql}`,
      );
      return { created: true };
    }
    if (resetPassword && passwordSql) await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} ${passwordSql}`);
    return { created: false };
  });
}

/** Grants the app role exactly what it needs in ownerUrl's database; idempotent, one transaction. */
export async function grantAppRole(ownerUrl, appRole) {
  if (appRole === roleOf(ownerUrl)) return;
  await withClient(ownerUrl, async (client) => {
    const role = client.escapeIdentifier(appRole);
    const database = client.escapeIdentifier(decodeURIComponent(new URL(ownerUrl).pathname.slice(1)));
    const tables = (names) => names.map((name) => `public.${client.escapeIdentifier(name)}`).join(', ');
    const { rows } = await client.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)`,
      [[...APPEND_ONLY_TABLES, ...OWNER_ONLY_TABLES]],
    );
    const present = new Set(rows.map((r) => r.tablename));
    const appendOnly = APPEND_ONLY_TABLES.filter((t) => present.has(t));
    const ownerOnly = OWNER_ONLY_TABLES.filter((t) => present.has(t));
    await client.query('BEGIN');
    try {
      await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${role}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      if (appendOnly.length)
        await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${tables(appendOnly)} FROM ${role}`);
      if (ownerOnly.length) await client.query(`REVOKE ALL ON ${tables(ownerOnly)} FROM ${role}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      await client.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      );
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  });
}

/**
 * What is wrong with the role the app connects as, in words, or [] when nothing is:
 * a superuser can switch the audit triggers off, and an owner can drop or alter them.
 */
export async function describeAppRoleRisks(appUrl) {
  return withClient(appUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT r.rolname, r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_tables t WHERE t.tableowner = current_user AND t.schemaname = 'public') AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [me] = rows;
    const risks = [];
    if (me.rolsuper)
      risks.push(`"${me.rolname}" is a superuser: it can switch the audit triggers off (session_replication_role).`);
    if (me.owned > 0)
      risks.push(`"${me.rolname}" owns ${me.owned} table(s): it can disable or drop the triggers that protect them.`);
    if (me.rolbypassrls && !me.rolsuper) risks.push(`"${me.rolname}" bypasses row-level security.`);
    return risks;
  });
}

/** Drops a role made for one test run, once its database is gone. */
export async function dropAppRole(adminUrl, role) {
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(role)}`);
  });
}
