import { defineConfig } from 'prisma/config';

// The CLI reads this for `prisma generate` and, where the schema engine can be
// downloaded, `prisma migrate deploy`. Our own scripts (scripts/db-*.mjs) run
// migrations through the WebAssembly schema engine instead, so they work offline.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/trialdesk' },
});
