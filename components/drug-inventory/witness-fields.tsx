'use client';

import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type WitnessValues = { witnessEmail: string; witnessPassword: string };

/** The second clinician signs in place: their email and their own password. */
export function WitnessFields<T extends WitnessValues>({
  register,
  errors,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
}) {
  const reg = register as unknown as UseFormRegister<WitnessValues>;
  const errs = errors as FieldErrors<WitnessValues>;
  return (
    <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
      <legend className="px-1 text-sm font-medium text-slate-900">Witness (a second clinician)</legend>
      <Field label="Witness email" error={errs.witnessEmail?.message} required>
        <Input type="email" autoComplete="off" spellCheck={false} {...reg('witnessEmail')} />
      </Field>
      <Field
        label="Witness password"
        error={errs.witnessPassword?.message}
        hint="The witness types their own password."
        required
      >
        <Input type="password" autoComplete="off" {...reg('witnessPassword')} />
      </Field>
    </fieldset>
  );
}
