'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { emergencyUnblindAction } from '@/app/(app)/blinding-actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { emergencyUnblindSchema } from '@/lib/validations/blinding';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type FormValues = z.input<typeof emergencyUnblindSchema>;

/** Breaking the blind for one participant: a reason and a deliberate confirmation. */
export function EmergencyUnblindForm({ enrollmentId, trialLabel }: { enrollmentId: string; trialLabel: string }) {
  const withSubmissionKey = useSubmissionKey();
  const [isConfirmed, setIsConfirmed] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [arm, setArm] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, z.output<typeof emergencyUnblindSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/blinding').then((m) => m.emergencyUnblindSchema)),
    defaultValues: { reason: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await withSubmissionKey((options) => emergencyUnblindAction({ ...values, enrollmentId }, options));
    if (result.ok) {
      // No refresh here: the page would re-render without this form (the viewer may now see
      // the arm) and the answer would vanish; the record shows the broken blind on the next load.
      setArm(result.data.arm.label);
      return;
    }
    setFormError(applyServerErrors(result.error, setError, ['reason']));
  });
  if (arm) {
    return (
      <Alert tone="warning" title="Blind broken for this participant">
        Arm: <strong>{arm}</strong>. Admins have been alerted; the record now shows that the blind was broken.
      </Alert>
    );
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-red-800">Emergency unblinding</summary>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={`Emergency unblinding, ${trialLabel}`}
        className="mt-3 flex flex-col gap-3"
      >
        <p className="text-slate-800">
          Only when knowing the arm changes this participant’s emergency care. It is permanent, audited and reported to
          admins.
        </p>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <Field label="Why must the blind be broken?" error={errors.reason?.message} required>
          <Textarea rows={2} {...register('reason')} />
        </Field>
        <Checkbox
          label="I understand this unblinds the participant’s allocation for me"
          checked={isConfirmed}
          onChange={(event) => setIsConfirmed(event.target.checked)}
        />
        <div>
          <Button type="submit" variant="danger" size="sm" loading={isSubmitting} disabled={!isConfirmed}>
            Break the blind
          </Button>
        </div>
      </form>
    </details>
  );
}
