'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { setUnblindedStaffAction } from '@/app/(app)/blinding-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { MAX_UNBLINDED_STAFF } from '@/lib/blinding/limits';

type Person = { id: string; name: string; email: string; roleLabel: string };

/** Admins tick who may see allocation in this masked trial. */
export function UnblindedStaffForm({
  trialId,
  people,
  selected,
}: {
  trialId: string;
  people: Person[];
  selected: string[];
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set(selected));
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      aria-label="Unblinded staff"
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setMessage(null);
        const result = await setUnblindedStaffAction({ trialId, userIds: [...chosen] });
        setPending(false);
        if (result.ok) {
          setMessage({
            tone: 'success',
            text: `Saved: ${result.data.count} ${result.data.count === 1 ? 'person sees' : 'people see'} allocation in this trial.`,
          });
          router.refresh();
        } else {
          setMessage({ tone: 'error', text: result.error.message });
        }
      }}
    >
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm text-slate-800">
          Only the people ticked here see which arm a participant is in and prepare and verify the dose. Everyone else
          stays blinded, admins included. At most {MAX_UNBLINDED_STAFF}.
        </legend>
        {people.map((person) => (
          <label key={person.id} className="flex items-center gap-3 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={chosen.has(person.id)}
              onChange={(event) =>
                setChosen((current) => {
                  const next = new Set(current);
                  if (event.target.checked) next.add(person.id);
                  else next.delete(person.id);
                  return next;
                })
              }
            />
            <span>
              {person.name}{' '}
              <span className="text-slate-600">
                ({person.roleLabel}, {person.email})
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" loading={pending}>
          Save unblinded staff
        </Button>
      </div>
    </form>
  );
}
