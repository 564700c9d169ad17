import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './app-error';
import { LOG_WINDOW_MS, logRequestError } from './log-request-error';
import { toAppError } from './to-app-error';

const refused = Object.assign(
  new Error("\nInvalid `prisma.user.findUnique()` invocation:\n\nCan't reach database server"),
  {
    code: 'P1001',
    meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
  },
);

afterEach(() => vi.restoreAllMocks());

describe('logRequestError', () => {
  it('a database outage maps to 503 and logs one line per window, then reports how many were held back', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const appError = toAppError(refused);
    expect(appError.status).toBe(503);
    const t0 = 1_000_000_000;
    for (let i = 0; i < 100; i += 1) logRequestError('GET /api/v1/candidates', refused, appError, t0 + i * 10);
    expect(log).toHaveBeenCalledTimes(1);
    logRequestError('GET /api/v1/candidates', refused, appError, t0 + LOG_WINDOW_MS + 1);
    expect(log).toHaveBeenCalledTimes(2);
    const second = String(log.mock.calls[1][0]);
    expect(second).toMatch(
      /^\[database unavailable\] GET \/api\/v1\/candidates: Can't reach database server \(99 more/,
    );
    expect(second).not.toContain('\n');
  });

  it('an unexpected error is one line with where it was thrown, never a full stack; 4xx answers are not logged', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    logRequestError('POST /x', new TypeError('boom'), new AppError('INTERNAL'), 2_000_000_000);
    logRequestError('POST /x', new Error('bad'), new AppError('VALIDATION_FAILED'), 2_000_000_000);
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0][0]);
    expect(line).toMatch(/^\[INTERNAL\] POST \/x: TypeError: boom at /);
    expect(line).not.toContain('\n');
  });
});
