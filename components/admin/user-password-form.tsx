'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { resetUserPasswordAction } from '@/app/(app)/admin/users/actions';
import type { resetPasswordSchema } from '@/lib/validations/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { PASSWORD_HINT } from './password-hint';

type FormValues = z.input<typeof resetPasswordSchema>;

export type UserPasswordFormProps = { userId: string; name: string; isSelf: boolean };

/**
 * Sets a new password. The browser checks the length; the server checks the
 * rest of the policy (common passwords, the stored name and email) and its
 * message shows under the field.
 */
export function UserPasswordForm({ userId, name, isSelf }: UserPasswordFormProps) {
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, z.output<typeof resetPasswordSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/auth').then((m) => m.resetPasswordSchema)),
    defaultValues: { password: '' },
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await resetUserPasswordAction({ userId, password: values.password });
    if (result.ok) {
      reset({ password: '' });
      setStatus({
        tone: 'success',
        message: `Password changed. ${name} has been signed out everywhere; give them the new password in person or by phone.`,
      });
      return;
    }
    setStatus({
      tone: 'error',
      message: applyServerErrors(result.error, setError, ['password']) ?? result.error.message,
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      {isSelf ? (
        <Alert tone="warning" live="none">
          This is your own account: setting a new password here signs you out.
        </Alert>
      ) : null}
      <Field
        label="New password"
        error={errors.password?.message}
        hint={`${PASSWORD_HINT} It also clears a sign-in lockout.`}
        required
      >
        <Input
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          {...register('password')}
        />
      </Field>
      <Checkbox
        label="Show password"
        checked={showPassword}
        onChange={(event) => setShowPassword(event.target.checked)}
      />
      <div>
        <Button type="submit" loading={isSubmitting}>
          Set new password
        </Button>
      </div>
    </form>
  );
}
