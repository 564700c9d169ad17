'use client';

import { useId, useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import { retireConsentFormVersionAction } from '@/app/(app)/trials/enrolment-records-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Textarea } from '@/components/ui/textarea';
import type { RetireConsentFormVersionInput } from '@/lib/validations/consent';

type Props = { trialId: string; versionId: string; label: string };

/** Retires a consent form version with a reason, after a confirmation; it stays listed. */
export function RetireConsentFormButton({ trialId, versionId, label }: Props) {
  const formId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RetireConsentFormVersionInput>({
    resolver: schemaResolver(() => import('@/lib/validations/consent').then((m) => m.retireConsentFormVersionSchema)),
    defaultValues: { reason: '' },
  });

  const submit = handleSubmit(async (input) => {
    setFormError(null);
    const result = await retireConsentFormVersionAction({ id: trialId, versionId, reason: input.reason });
    if (result.ok) {
      setIsOpen(false);
      return;
    }
    setFormError(applyServerErrors(result.error, setError, ['reason']));
  });

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setIsOpen(true)}>
        Retire<span className="sr-only"> consent form {label}</span>
      </Button>
      {isOpen ? (
        <Dialog
          open
          onClose={() => (isSubmitting ? undefined : setIsOpen(false))}
          title={`Retire consent form ${label}`}
          description="No new consent can be recorded on it. Consents already recorded keep it; nothing is deleted."
          footer={
            <>
              <Button variant="secondary" onClick={() => setIsOpen(false)} disabled={isSubmitting}>
                Cancel
              </Button>
              <Button type="submit" form={formId} variant="danger" loading={isSubmitting}>
                Retire version
              </Button>
            </>
          }
        >
          <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4">
            {formError ? <Alert tone="error">{formError}</Alert> : null}
            <Field
              label="Reason"
              hint="e.g. superseded by v4.0 (IRB amendment)."
              error={errors.reason?.message}
              required
            >
              <Textarea rows={3} {...register('reason')} />
            </Field>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
