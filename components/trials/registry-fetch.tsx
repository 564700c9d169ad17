'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { fetchRegistryStudyAction } from '@/app/(app)/trials/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { registryStudyRequestSchema } from '@/lib/validations/trials';

type Values = z.input<typeof registryStudyRequestSchema>;

/**
 * "Fetch from ClinicalTrials.gov": the server fetches the study by its NCT number and hands back
 * its JSON, which the import form shows and previews like pasted text.
 */
export function RegistryFetch({ onFetched }: { onFetched: (text: string, nctId: string) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: schemaResolver(() => import('@/lib/validations/trials').then((m) => m.registryStudyRequestSchema)),
    defaultValues: { nctId: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      const response = await fetchRegistryStudyAction(values);
      if (response.ok) {
        onFetched(response.data.text, values.nctId.trim().toUpperCase());
        return;
      }
      const fieldMessage = response.error.fields?.nctId?.[0];
      if (fieldMessage) form.setError('nctId', { message: fieldMessage });
      else setProblem(response.error.message);
    } catch {
      setProblem('The request could not be sent. Check your connection and try again.');
    }
  });

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="NCT number"
          hint="Fetches the study from ClinicalTrials.gov into the box below, to preview it before anything is saved."
          error={errors.nctId?.message}
          required
          className="min-w-64 flex-1"
        >
          <Input {...form.register('nctId')} placeholder="NCT06668571" autoComplete="off" spellCheck={false} />
        </Field>
        <Button type="submit" variant="secondary" loading={isSubmitting}>
          Fetch from ClinicalTrials.gov
        </Button>
      </div>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
    </form>
  );
}
