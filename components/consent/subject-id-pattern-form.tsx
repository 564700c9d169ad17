'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import { setSubjectIdPatternAction } from '@/app/(app)/trials/enrolment-records-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Input } from '@/components/ui/input';
import { SUBJECT_ID_PATTERN_HELP } from '@/lib/enrollments/subject-id-pattern';
import type { SubjectIdPatternInput } from '@/lib/validations/consent';

type Props = { trialId: string; pattern: string; isConfirmed: boolean; isLocked: boolean };

/** Sets the trial's subject ID pattern; saving it (changed or not) records the admin's confirmation. */
export function SubjectIdPatternForm({ trialId, pattern, isConfirmed, isLocked }: Props) {
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SubjectIdPatternInput>({
    resolver: schemaResolver(() => import('@/lib/validations/consent').then((m) => m.subjectIdPatternSchema)),
    defaultValues: { pattern },
  });

  const submit = handleSubmit(async (input) => {
    setStatus(null);
    const result = await setSubjectIdPatternAction({ id: trialId, pattern: input.pattern });
    if (result.ok) {
      setStatus({ tone: 'success', message: `Subject ID pattern saved: next ID ${result.data.nextSubjectId}.` });
      return;
    }
    setStatus({ tone: 'error', message: applyServerErrors(result.error, setError, ['pattern']) ?? '' });
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      {status?.message ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="Subject ID pattern"
          hint={
            isLocked
              ? 'Subject IDs have been assigned with this pattern: it can be confirmed, not changed.'
              : SUBJECT_ID_PATTERN_HELP
          }
          error={errors.pattern?.message}
          className="w-full max-w-md"
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            readOnly={isLocked}
            {...register('pattern')}
          />
        </Field>
        <Button type="submit" variant={isConfirmed ? 'secondary' : 'primary'} loading={isSubmitting}>
          {isConfirmed ? 'Save pattern' : 'Confirm pattern'}
        </Button>
      </div>
    </form>
  );
}
