import type { IncomingMessage, ServerResponse } from 'node:http';

export const ALLOWED_METHODS: string[];
export function refuseUnsupportedMethod(req: IncomingMessage, res: ServerResponse): boolean;
export function installRequestGate(env?: Record<string, string | undefined>): void;
