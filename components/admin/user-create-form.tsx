'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createUserAction } from '@/app/(app)/admin/users/actions';
import { ROLE_LABELS, ROLES } from '@/lib/auth/permissions';
import type { createUserSchema } from '@/lib/validations/auth';
import { Alert } from '@/components/ui/alert';
import { Button, LinkButton } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { PASSWORD_HINT } from './password-hint';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type FormValues = z.input<typeof createUserSchema>;

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function UserCreateForm() {
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, z.output<typeof createUserSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/auth').then((m) => m.createUserSchema)),
    defaultValues: { email: '', name: '', password: '' },
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await withSubmissionKey((options) => createUserAction(values, options));
    if (result.ok) {
      router.push(`/admin/users/${result.data.id}?created=1`);
      return;
    }
    setFormError(applyServerErrors(result.error, setError, ['email', 'name', 'role', 'password']));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="Full name" error={errors.name?.message} required>
        <Input autoComplete="off" {...register('name')} />
      </Field>
      <Field label="Email" error={errors.email?.message} hint="They sign in with this address." required>
        <Input type="email" autoComplete="off" spellCheck={false} {...register('email')} />
      </Field>
      <Field label="Role" error={errors.role?.message} hint="Decides what they can see and do." required>
        <Select placeholder="Choose a role" options={ROLE_OPTIONS} {...register('role')} />
      </Field>
      <Field label="Initial password" error={errors.password?.message} hint={PASSWORD_HINT} required>
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
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={isSubmitting}>
          Create account
        </Button>
        <LinkButton href="/admin/users" variant="secondary">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
