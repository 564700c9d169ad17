import type { IncomingMessage, ServerResponse } from 'node:http';

export const ALLOWED_METHODS: string[];
export function urlProblem(rawUrl: string | undefined): string | null;
export function refuseBadRequest(req: IncomingMessage, res: ServerResponse): boolean;
export function installRequestGate(env?: Record<string, string | undefined>): void;
