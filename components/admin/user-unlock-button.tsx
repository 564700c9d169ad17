'use client';

import { useState } from 'react';
import { unlockUserAction } from '@/app/(app)/admin/users/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export type UserUnlockButtonProps = { userId: string; name: string };

/** Lifts a lockout after too many failed sign-ins (e.g. once the admin has confirmed it was them). */
export function UserUnlockButton({ userId, name }: UserUnlockButtonProps) {
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function unlock() {
    setIsSaving(true);
    setError(null);
    const result = await unlockUserAction({ userId });
    setIsSaving(false);
    // On success the page re-renders without the lockout and this button goes away.
    if (!result.ok) setError(result.error.message);
  }

  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div>
        <Button variant="secondary" onClick={unlock} loading={isSaving}>
          Unlock {name}
        </Button>
      </div>
    </div>
  );
}
