// The parts of the password policy a browser can check without a word list:
// the length limits. The common-password list and the "not your name or email"
// checks run on the server only (lib/auth/password-policy.ts), so the list
// never ships in a page's JavaScript.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
