'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { reviewUnblindingAction } from '@/app/(app)/blinding-actions';
import { Button } from '@/components/ui/button';

export function ReviewUnblindingButton({ id }: { id: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="secondary"
        loading={pending}
        onClick={async () => {
          setPending(true);
          const result = await reviewUnblindingAction({ id });
          setPending(false);
          if (result.ok) router.refresh();
          else setError(result.error.message);
        }}
      >
        Mark reviewed
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-800">
          {error}
        </span>
      ) : null}
    </div>
  );
}
