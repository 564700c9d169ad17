// Recognises "the database cannot be reached right now" among the errors Prisma,
// its pg adapter and pg itself throw, so the API answers 503 (try again) rather
// than 500 (our bug), pages show the outage page, and the log says it once.

const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);
// 57014 statement timeout, 57P01-57P03 shutdown / cannot connect now, 53300 too many
// connections; class 08 is "connection exception".
const UNAVAILABLE_SQLSTATES = /^(57014|57P0[1-3]|53300|08...)$/;
const UNAVAILABLE_MESSAGES =
  /Query read timeout|Connection terminated|timeout exceeded when trying to connect|Can't reach database server|ECONNREFUSED|ECONNRESET|ETIMEDOUT|the database system is (shutting down|starting up)/i;

type ErrorLike = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const e = current as ErrorLike;
    if (typeof e.code === 'string' && (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.test(e.code)))
      return true;
    const adapterCause = e.meta?.driverAdapterError?.cause;
    if (typeof adapterCause?.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (typeof adapterCause?.code === 'string' && UNAVAILABLE_SQLSTATES.test(adapterCause.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'TrialDesk cannot reach its database. Nothing was saved; try again in a few minutes.';
