// Prisma's schema engine compiled to WebAssembly, driven through the pg adapter.
// It replaces the native engine binary the Prisma CLI would download, so
// migrations work offline; the folder format stays Prisma's own, so a stock
// `prisma migrate deploy` applies the same migrations.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const schemaPath = path.join(root, 'prisma/schema.prisma');
export const migrationsDir = path.join(root, 'prisma/migrations');
const lockfileName = 'migration_lock.toml';
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const noFilters = { externalTables: [], externalEnums: [] };

async function loadWasmEngine() {
  // The engine reports a Rust panic through this global before it traps.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      console.error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg.SchemaEngine;
}

/**
 * The pg adapter runs a migration script by splitting it on ";", which breaks
 * PL/pgSQL bodies. Sending the script as one simple query keeps it intact and
 * makes PostgreSQL run it as a single implicit transaction: all or nothing.
 */
function wholeScriptFactory(PrismaPg, databaseUrl, opened) {
  const patch = (adapter) => {
    opened.push(adapter);
    adapter.executeScript = async (script) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    // This adapter release has no mapping for PostgreSQL's internal "char" type
    // (OID 18), which the engine's catalog queries return (pg_constraint.contype):
    // read it as text, then report it as the engine's Character column type.
    // The engine issues these queries one at a time, so one slot is enough.
    let charColumns = [];
    const performIO = adapter.performIO.bind(adapter);
    adapter.performIO = async (query) => {
      const result = await performIO(query);
      charColumns = [];
      result.fields.forEach((field, index) => {
        if (field.dataTypeID !== 18) return;
        field.dataTypeID = 25;
        charColumns.push(index);
      });
      return result;
    };
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const index of charColumns) result.columnTypes[index] = CHARACTER_COLUMN;
      return result;
    };
    return adapter;
  };
  class WholeScriptPg extends PrismaPg {
    async connect() {
      return patch(await super.connect());
    }
    // The stock version drops the shadow database while its own pool still
    // holds connections; close the pool first, then drop.
    async connectToShadowDb() {
      const admin = await this.connect();
      const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new WholeScriptPg({ ...this.config, database }).connect();
      const closeShadow = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await closeShadow();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    }
  }
  return new WholeScriptPg(connectionFields(databaseUrl));
}

function connectionFields(databaseUrl) {
  const u = new URL(databaseUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    ...(u.searchParams.get('sslmode') && u.searchParams.get('sslmode') !== 'disable'
      ? { ssl: { rejectUnauthorized: false } }
      : {}),
  };
}

export async function withSchemaEngine(databaseUrl, run) {
  const [SchemaEngine, { PrismaPg }, { bindMigrationAwareSqlAdapterFactory }] = await Promise.all([
    loadWasmEngine(),
    import('@prisma/adapter-pg'),
    import('@prisma/driver-adapter-utils'),
  ]);
  // The engine does not close the connections it opens; track them so the
  // process (and Vitest's global setup) can exit.
  const opened = [];
  const factory = bindMigrationAwareSqlAdapterFactory(wholeScriptFactory(PrismaPg, databaseUrl, opened));
  const datamodel = readFileSync(schemaPath, 'utf8');
  const logs = [];
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, (line) => logs.push(line), factory);
  try {
    return await run({ engine, datamodel });
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

export function readMigrationsList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, lockfileName);
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok', value: readFileSync(file, 'utf8') }
            : { tag: 'error', value: 'missing migration.sql' },
        },
      };
    }),
  };
}

export async function applyMigrations(databaseUrl) {
  return withSchemaEngine(databaseUrl, async ({ engine }) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/** SQL that would bring the migrations up to the schema; '' when they agree. */
export async function diffMigrationsToSchema(databaseUrl) {
  return withSchemaEngine(databaseUrl, async ({ engine, datamodel }) => {
    const list = readMigrationsList();
    const result = await engine.diff({
      from: list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: datamodel }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : '';
  });
}

export function writeMigration(name, sql) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!slug) throw new Error('A migration needs a name, e.g. npm run db:migration -- add_visits');
  const stamp = new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${slug}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  const lockPath = path.join(migrationsDir, lockfileName);
  if (!existsSync(lockPath)) {
    writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}
