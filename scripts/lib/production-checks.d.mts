export function productionProblems(env?: Record<string, string | undefined>): string[];
export function refuseUnlessProductionReady(env?: Record<string, string | undefined>): void;
export const MIN_SECRET_LENGTH: number;
