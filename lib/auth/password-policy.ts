import 'server-only';
import commonPasswords from '@zxcvbn-ts/language-common/dist/passwords.json.mjs';
import { AppError } from '@/lib/errors/app-error';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-rules';

// Server-only: the common-password list is about 30,000 words (~250 KB
// compressed). Forms check the length (lib/validations/auth.ts) and show this
// module's messages when the server answers 400 with them under `password`.

const COMMON = new Set<string>((commonPasswords as string[]).map((p) => p.toLowerCase()));

/** "Password1234!" is still "password": strip the padding people add to meet length rules. */
function coreOf(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[^a-z]+|[^a-z]+$/g, '')
    .replace(/[@4]/g, 'a')
    .replace(/[0]/g, 'o')
    .replace(/[1!]/g, 'i')
    .replace(/[3]/g, 'e')
    .replace(/[$5]/g, 's');
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const core = coreOf(password);
  if (core.length >= 4 && COMMON.has(core)) return true;
  const stripped = lower.replace(/[^a-z]+$/g, '').replace(/^[^a-z]+/g, '');
  if (stripped.length >= 4 && COMMON.has(stripped)) return true;
  // Keyboard runs and repeats ("aaaaaaaaaaaa", "123412341234").
  return new Set(lower).size < 5;
}

/** Returns the problems with a password; an empty list means it is acceptable. */
export function checkPasswordPolicy(password: string, context: { email?: string; name?: string } = {}): string[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [`Use at least ${MIN_PASSWORD_LENGTH} characters.`];
  if (password.length > MAX_PASSWORD_LENGTH) return [`Use at most ${MAX_PASSWORD_LENGTH} characters.`];
  if (isCommon(password))
    return ['This password is too common. Choose something harder to guess, e.g. a few unrelated words.'];
  const lower = password.toLowerCase();
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart))
    return ['Do not use your email address in your password.'];
  const nameParts = (context.name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 4);
  if (nameParts.some((p) => lower.includes(p))) return ['Do not use your name in your password.'];
  return [];
}

/**
 * Throws a 400 with the policy's message under `password` when the password is
 * not acceptable. `context` is the account's stored (or submitted, for a new
 * account) email and name.
 */
export function assertPasswordPolicy(password: string, context: { email?: string; name?: string } = {}): void {
  const problems = checkPasswordPolicy(password, context);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', undefined, { fields: { password: problems } });
}
