'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { MAX_CONSENT_PDF_BYTES } from '@/lib/consent/document-policy';
import type { ErrorBody } from '@/lib/errors/app-error';
import type { ConsentDocumentUploadInput } from '@/lib/validations/consent';

type Props = {
  consentId: string;
  /** A form is attached already: this upload replaces it and needs a reason. */
  isReplacement: boolean;
};

type Values = { file: FileList | undefined; reason: string };

const FIELDS = ['file', 'reason'] as const;
const MAX_MB = MAX_CONSENT_PDF_BYTES / (1024 * 1024);

/** Uploads the signed consent form (PDF) to the consent, or replaces it with a reason. */
export function ConsentDocumentForm({ consentId, isReplacement }: Props) {
  const router = useRouter();
  const formId = useId();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, ConsentDocumentUploadInput>({
    resolver: schemaResolver(
      () => import('@/lib/validations/consent').then((m) => m.consentDocumentUploadSchema),
      (values: Values) => ({
        file: values.file?.[0],
        reason: values.reason,
      }),
    ),
    defaultValues: { file: undefined, reason: '' },
  });

  const submit = handleSubmit(async (input) => {
    setStatus(null);
    if (isReplacement && !input.reason) {
      setError('reason', { type: 'manual', message: 'Say why the signed form is replaced.' }, { shouldFocus: true });
      return;
    }
    const body = new FormData();
    body.set('file', input.file);
    if (input.reason) body.set('reason', input.reason);
    const response = await fetch(`/api/v1/consents/${encodeURIComponent(consentId)}/documents`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
    });
    if (response.ok) {
      reset();
      setStatus({ tone: 'success', message: isReplacement ? 'Signed form replaced.' : 'Signed form attached.' });
      router.refresh();
      return;
    }
    const error = ((await response.json().catch(() => null)) as ErrorBody | null)?.error;
    setStatus({
      tone: 'error',
      message: error ? (applyServerErrors(error, setError, FIELDS) ?? error.message) : 'The upload failed. Try again.',
    });
  });

  return (
    <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-3">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <Field
        label={isReplacement ? 'Replace the signed consent form (PDF)' : 'Signed consent form (PDF)'}
        hint={`A PDF of at most ${MAX_MB} MB.`}
        error={errors.file?.message}
        required
      >
        <Input type="file" accept="application/pdf,.pdf" {...register('file')} />
      </Field>
      {isReplacement ? (
        <Field label="Why it is replaced" error={errors.reason?.message} required>
          <Textarea rows={2} {...register('reason')} />
        </Field>
      ) : null}
      <div>
        <Button type="submit" variant={isReplacement ? 'secondary' : 'primary'} loading={isSubmitting}>
          {isReplacement ? 'Replace signed form' : 'Attach signed form'}
        </Button>
      </div>
    </form>
  );
}
