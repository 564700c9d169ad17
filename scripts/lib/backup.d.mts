export type ClientTools = { pgDump: string; pgRestore: string; major: number };
export function serverMajorVersion(url: string): Promise<number>;
export function findClientTools(serverMajor: number, options?: { env?: NodeJS.ProcessEnv }): ClientTools | null;
export function countRows(url: string): Promise<Record<string, number>>;
export function holdsData(url: string): Promise<boolean>;
export function backupKind(file: string): 'pg_dump' | 'cluster' | null;
