import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error';
import { toAppError } from './to-app-error';

function prismaError(code: string, message = '') {
  return Object.assign(new Error(message), { code });
}

describe('toAppError', () => {
  it('passes an AppError through unchanged', () => {
    const error = new AppError('NOT_FOUND', 'This trial does not exist.');
    expect(toAppError(error)).toBe(error);
  });

  it('turns a zod error into 400 with per-field messages', () => {
    const parsed = z.object({ weightKg: z.number() }).safeParse({ weightKg: 'heavy' });
    expect(parsed.success).toBe(false);
    const mapped = toAppError(parsed.error);
    expect(mapped.status).toBe(400);
    expect(Object.keys(mapped.fields ?? {})).toEqual(['weightKg']);
  });

  it.each([
    [
      'a deadlock seen through a raw query',
      prismaError('P2010', 'Raw query failed. Code: `40P01`. Message: `deadlock detected`'),
    ],
    ['a serialization failure seen through a raw query', prismaError('P2010', 'Raw query failed. Code: `40001`.')],
    ['a write conflict', prismaError('P2034', 'Transaction failed due to a write conflict or a deadlock')],
    ['a bare serialization failure', prismaError('40001')],
  ])('answers %s with 409 and a retry hint, not a 500', (_label, error) => {
    expect(toAppError(error)).toMatchObject({ status: 409, message: expect.stringContaining('try again') });
  });

  it('keeps any other failed raw query a generic 500, with no SQL in the message', () => {
    const mapped = toAppError(
      prismaError('P2010', 'Raw query failed. Code: `42P01`. Message: `relation "X" does not exist`'),
    );
    expect(mapped.status).toBe(500);
    expect(mapped.message).not.toContain('relation');
  });
});
