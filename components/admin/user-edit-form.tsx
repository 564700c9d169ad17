'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { editUserAction } from '@/app/(app)/admin/users/actions';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/permissions';
import type { editUserActionSchema } from '@/lib/validations/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';

type FormValues = z.input<typeof editUserActionSchema>;

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export type UserEditFormProps = { userId: string; name: string; role: Role; isSelf: boolean };

/** Name and role. A role change is audited on its own, with the old and new role. */
export function UserEditForm({ userId, name, role, isSelf }: UserEditFormProps) {
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormValues, unknown, z.output<typeof editUserActionSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/auth').then((m) => m.editUserActionSchema)),
    defaultValues: { userId, name, role },
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await editUserAction(values);
    if (result.ok) {
      reset(values);
      setStatus({ tone: 'success', message: 'Changes saved.' });
      return;
    }
    setStatus({
      tone: 'error',
      message: applyServerErrors(result.error, setError, ['name', 'role']) ?? result.error.message,
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <input type="hidden" {...register('userId')} />
      <Field label="Full name" error={errors.name?.message} required>
        <Input autoComplete="off" {...register('name')} />
      </Field>
      {isSelf ? (
        // An admin cannot demote themselves (the server refuses too): it could lock the clinic out.
        // Shown as text, not a disabled select, because a disabled control submits no value.
        <div className="flex flex-col gap-1.5">
          <p className="text-sm font-medium text-slate-900">Role</p>
          <p className="text-sm text-slate-800">{ROLE_LABELS[role]}</p>
          <p className="text-sm text-slate-600">You cannot change your own role. Ask another admin.</p>
        </div>
      ) : (
        <Field label="Role" error={errors.role?.message} hint="Takes effect on their next page load." required>
          <Select options={ROLE_OPTIONS} {...register('role')} />
        </Field>
      )}
      <div>
        <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
