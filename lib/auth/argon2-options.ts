// The argon2id parameters of lib/auth/password-hash.ts, importable outside Next
// (that module is server-only): the users CLI must hash exactly as the app does,
// or the app could not verify the passwords it sets. Keep the two in step.
// OWASP's argon2id baseline (m=19 MiB, t=2, p=1); `algorithm: 2` is Argon2id
// (a const enum in the typings, unusable with isolatedModules).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
