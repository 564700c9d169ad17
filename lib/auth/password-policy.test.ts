import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { createUserSchema, newPasswordSchema } from '@/lib/validations/auth';
import { assertPasswordPolicy, checkPasswordPolicy } from './password-policy';

describe('checkPasswordPolicy', () => {
  it('accepts a long, uncommon passphrase', () => {
    expect(checkPasswordPolicy('Harbor-Lantern-42')).toEqual([]);
  });

  it('needs at least 12 characters (11 is refused, 12 accepted)', () => {
    expect(checkPasswordPolicy('Tq7#mPz2!kL')).toEqual(['Use at least 12 characters.']);
    expect(checkPasswordPolicy('Tq7#mPz2!kLw')).toEqual([]);
  });

  it.each([
    'password1234',
    'Password1234!',
    'qwerty123456',
    '123456789012',
    'P@ssw0rd2024!',
    'aaaaaaaaaaaa',
    'iloveyou2026!!',
  ])('refuses the common password %s', (password) => {
    expect(checkPasswordPolicy(password)[0]).toMatch(/too common/);
  });

  it('refuses passwords built from the email or the name', () => {
    expect(checkPasswordPolicy('jordan.rivers-2026', { email: 'jordan.rivers@clinic.test' })[0]).toMatch(/email/);
    expect(checkPasswordPolicy('Fairweather-Sunday-7', { name: 'Riley Fairweather' })[0]).toMatch(/name/);
  });
});

describe('createUserSchema', () => {
  it('reports every invalid field at once', () => {
    const result = createUserSchema.safeParse({ email: 'nope', name: '', role: 'WIZARD', password: 'short' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(new Set(paths)).toEqual(new Set(['email', 'name', 'role', 'password']));
  });

  it('lower-cases the email so uniqueness is case-insensitive', () => {
    const result = createUserSchema.parse({
      email: ' Dana.Lee@Clinic.TEST ',
      name: 'Dana Lee',
      role: 'CLINICIAN',
      password: 'Cobalt-Teapot-Ridge-5',
    });
    expect(result.email).toBe('dana.lee@clinic.test');
  });
});

describe('assertPasswordPolicy (server side)', () => {
  it('answers 400 with the policy message under password', () => {
    let caught: unknown;
    try {
      assertPasswordPolicy('Password1234!');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('VALIDATION_FAILED');
    expect((caught as AppError).fields?.password?.[0]).toMatch(/too common/);
  });

  it('accepts a long, uncommon password', () => {
    expect(() =>
      assertPasswordPolicy('Harbor-Lantern-42', { email: 'a.b@clinic.test', name: 'Ada Bee' }),
    ).not.toThrow();
  });
});

describe('newPasswordSchema (what the browser checks)', () => {
  it('checks the length only: the word list stays on the server', () => {
    expect(newPasswordSchema.safeParse('short').success).toBe(false);
    expect(newPasswordSchema.safeParse('Password1234!').success).toBe(true);
  });
});
