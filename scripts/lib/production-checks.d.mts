export function productionProblems(env?: Record<string, string | undefined>): string[];
export function refuseUnlessProductionReady(env?: Record<string, string | undefined>): void;
