import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';
import { checkPasswordPolicy, MAX_PASSWORD_LENGTH } from '@/lib/auth/password-policy';

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
});
export type SignInInput = z.infer<typeof signInSchema>;

export const roleSchema = z.enum(ROLES, { error: 'Choose a role: admin, coordinator or clinician.' });

function withPasswordPolicy<T extends { password: string; email?: string; name?: string }>(value: T, ctx: z.RefinementCtx) {
  for (const message of checkPasswordPolicy(value.password, { email: value.email, name: value.name })) {
    ctx.addIssue({ code: 'custom', path: ['password'], message });
  }
}

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, 'Enter a name.').max(120, 'Name is too long.'),
    role: roleSchema,
    password: z.string().max(MAX_PASSWORD_LENGTH),
  })
  .superRefine(withPasswordPolicy);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(120).optional(),
  role: roleSchema.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z
  .object({ password: z.string().max(MAX_PASSWORD_LENGTH), email: z.string().optional(), name: z.string().optional() })
  .superRefine(withPasswordPolicy);
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
