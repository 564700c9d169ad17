// Container entry point: refuse to run without the secrets a deployment needs,
// apply pending migrations, then hand over to the standalone Next server.
import { installRequestGate } from './lib/request-gate.mjs';
import { applyMigrations } from './lib/schema-engine.mjs';

for (const name of ['DATABASE_URL', 'NEXTAUTH_SECRET']) {
  if (!process.env[name]) {
    console.error(`${name} must be set.`);
    process.exit(1);
  }
}
const applied = await applyMigrations(process.env.DATABASE_URL);
console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
// Before server.js creates its HTTP server: every request gets the socket's address,
// and methods the app does not serve are refused.
installRequestGate();
await import(new URL('../server.js', import.meta.url).href);
