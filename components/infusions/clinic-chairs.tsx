'use client';

import { useForm } from 'react-hook-form';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import type { z } from 'zod';
import { addChairAction, updateChairAction } from '@/app/(app)/admin/clinic/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useActionRunner } from '@/components/ui/form/use-action-runner';
import type { chairCreateSchema } from '@/lib/validations/infusions';
import { StatusAlert } from './visit-day/step-frame';

type ChairRow = { id: string; name: string; isActive: boolean };

// A rename sends only the name, under the same rule as a new chair's name (chairPatchSchema's `name`).
const loadRenameSchema = () => import('@/lib/validations/infusions').then((m) => m.chairCreateSchema);
type NameValues = { name: string };

function ChairItem({ chair }: { chair: ChairRow }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NameValues, unknown, z.output<typeof chairCreateSchema>>({
    resolver: schemaResolver(loadRenameSchema),
    defaultValues: { name: chair.name },
  });
  return (
    <li className="flex flex-col gap-2 px-3 py-3">
      <StatusAlert message={message} />
      <form
        method="post"
        noValidate
        aria-label={`Rename ${chair.name}`}
        className="grid items-end gap-3 sm:grid-cols-[1fr_auto_auto_auto]"
        onSubmit={handleSubmit(async ({ name }) => {
          await run(() => updateChairAction({ id: chair.id, patch: { name } }), `Renamed to ${name}.`);
        })}
      >
        <Field label={`Name of ${chair.name}`} error={errors.name?.message ?? fieldErrors.name}>
          <Input maxLength={60} {...register('name')} />
        </Field>
        <Badge tone={chair.isActive ? 'success' : 'neutral'} className="mb-3 justify-self-start">
          {chair.isActive ? 'In service' : 'Out of service'}
        </Badge>
        <Button type="submit" variant="secondary" disabled={pending}>
          Rename
        </Button>
        <Button
          variant={chair.isActive ? 'danger' : 'secondary'}
          disabled={pending}
          onClick={() =>
            run(
              () => updateChairAction({ id: chair.id, patch: { isActive: !chair.isActive } }),
              (result) =>
                chair.isActive
                  ? `${chair.name} is out of service.${result.affectedVisitIds.length > 0 ? ` ${result.affectedVisitIds.length} future visit(s) on it must be moved.` : ''}`
                  : `${chair.name} is back in service.`,
            )
          }
        >
          {chair.isActive ? 'Deactivate' : 'Reactivate'}
        </Button>
      </form>
    </li>
  );
}

/** Infusion chairs: add, rename, take out of service. Chairs are never deleted; past visits point at them. */
export function ClinicChairs({ chairs }: { chairs: ChairRow[] }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<NameValues, unknown, z.output<typeof chairCreateSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/infusions').then((m) => m.chairCreateSchema)),
    defaultValues: { name: '' },
  });
  return (
    <div className="flex flex-col gap-4">
      <ul aria-label="Chairs" className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {chairs.map((chair) => (
          <ChairItem key={`${chair.id}-${chair.name}-${chair.isActive}`} chair={chair} />
        ))}
      </ul>
      <StatusAlert message={message} />
      <form
        method="post"
        noValidate
        aria-label="Add a chair"
        className="grid items-end gap-3 sm:grid-cols-[1fr_auto]"
        onSubmit={handleSubmit(async ({ name }) => {
          const saved = await run((options) => addChairAction({ name }, options), `${name} added.`);
          if (saved) reset();
        })}
      >
        <Field label="New chair name" error={errors.name?.message ?? fieldErrors.name} required>
          <Input maxLength={60} {...register('name')} />
        </Field>
        <Button type="submit" loading={pending}>
          Add chair
        </Button>
      </form>
    </div>
  );
}
