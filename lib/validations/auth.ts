import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';

export const emailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .min(1, 'Enter an email address.')
  .max(254, 'Email is too long.')
  .pipe(z.email('Enter a valid email address, like name@clinic.org.'))
  .transform((v) => v.toLowerCase());

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(254),
  password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH),
  /** The 6-digit code from the authenticator app or a recovery code; needed once two-factor sign-in is on. */
  code: z.string().trim().max(32, 'The code is too long.').optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const roleSchema = z.enum(ROLES, { error: 'Choose a role: admin, coordinator or clinician.' });

/**
 * The length rules only: the browser checks them as the user types. The rest of
 * the policy (common passwords, not the account's name or email) needs the
 * server's word list; createUser and resetPassword apply it and answer 400 with
 * the message under `password` (lib/auth/password-policy.ts).
 */
export const newPasswordSchema = z
  .string({ error: 'Enter a password.' })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'Name is too long.'),
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(120).optional(),
  role: roleSchema.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ password: newPasswordSchema });

// ---- Account administration (admin pages, /api/v1/users, users CLI)

export const userIdSchema = z.string().trim().min(1, 'A user id is required.').max(64, 'This is not a user id.');
export const userIdParamsSchema = z.object({ id: userIdSchema });

/** The JSON API and the CLI speak lower-case roles ('admin'); accept either case on the way in. */
export const apiRoleSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
  roleSchema,
);

export const apiCreateUserSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && typeof (value as { role?: unknown }).role === 'string'
      ? { ...value, role: (value as { role: string }).role.trim().toUpperCase() }
      : value,
  createUserSchema,
);

export const apiUpdateUserSchema = updateUserSchema
  .extend({ role: apiRoleSchema.optional() })
  .refine((v) => v.name !== undefined || v.role !== undefined || v.isActive !== undefined, {
    message: 'Send at least one of name, role or isActive.',
  });

export const apiResetPasswordSchema = z.object({
  password: z.string({ error: 'Enter a new password.' }).max(MAX_PASSWORD_LENGTH),
});

export const userListQuerySchema = z.object({ q: z.string().trim().max(200).optional() });

// Admin page forms. Each carries the target user's id; the server re-reads the rest.
export const editUserActionSchema = z.object({
  userId: userIdSchema,
  name: updateUserSchema.shape.name.unwrap(),
  role: roleSchema,
});
export const setUserActiveActionSchema = z.object({ userId: userIdSchema, isActive: z.boolean() });
export const resetUserPasswordActionSchema = z.object({
  userId: userIdSchema,
  password: z.string().max(MAX_PASSWORD_LENGTH),
});
export const unlockUserActionSchema = z.object({ userId: userIdSchema });

// ---- Two-factor sign-in

export const mfaCodeSchema = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your authenticator app.' })
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'),
});
export type MfaCodeInput = z.infer<typeof mfaCodeSchema>;

export const mfaRolesSchema = z.object({
  requiredRoles: z.array(apiRoleSchema).max(ROLES.length, 'List each role at most once.'),
});

export const resetUserMfaActionSchema = z.object({ userId: userIdSchema });
