import type { BlockList } from 'node:net';
import type { IncomingMessage } from 'node:http';

export const CLIENT_IP_HEADER: string;
export function normalizeAddress(value: unknown): string | null;
export function parseTrustedProxies(value: string | undefined | null): BlockList | null;
export function resolveClientIp(options: {
  socketAddress: string | undefined | null;
  forwardedFor: string | undefined | null;
  trustedProxies: BlockList | null;
}): string | null;
export function stampClientIp(req: IncomingMessage, trustedProxies: BlockList | null): void;
