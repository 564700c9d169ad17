export const schemaPath: string;
export const migrationsDir: string;
export function applyMigrations(databaseUrl: string): Promise<string[]>;
export function diffMigrationsToSchema(databaseUrl: string): Promise<string>;
export function writeMigration(name: string, sql: string): string;
