export const APP_ROLE: string;
export function roleOf(url: string): string;
export function withCredentials(url: string, user: string, password: string): string;
export function ensureAppRole(
  ownerUrl: string,
  appUrl: string,
  options?: { resetPassword?: boolean },
): Promise<{ created: boolean }>;
export function grantAppRole(ownerUrl: string, appRole: string): Promise<void>;
export function describeAppRoleRisks(appUrl: string): Promise<string[]>;
export function dropAppRole(adminUrl: string, role: string): Promise<void>;
