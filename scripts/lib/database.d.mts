export const dataDir: string;
export function freePort(): Promise<number>;
export function startEmbeddedPostgres(options?: {
  clusterDir?: string;
  log?: (message: unknown) => void;
}): Promise<{ adminUrl: string; stop: () => Promise<void> }>;
export function withDatabase(url: string, name: string): string;
export function ensureDatabase(adminUrl: string, name: string): Promise<void>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function resolveDatabase(options?: { log?: (message: unknown) => void; databaseName?: string }): Promise<{
  url: string;
  migrationUrl: string;
  manageRole: boolean;
  adminUrl?: string;
  stop: () => Promise<void>;
  isEmbedded: boolean;
}>;
export function startTestPostgres(): Promise<{ adminUrl: string; stop: () => Promise<void> }>;
export function isClusterInUse(clusterDir: string): boolean;
export function firstBlockedFolder(target: string, options?: { postgresUid?: number | null }): string | null;
