import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';

// Shown next to every password an admin sets, so the rule is known before the first error.
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters; common passwords are refused. A few unrelated words work well.`;
