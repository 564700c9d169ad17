'use client';

import { useState } from 'react';
import { resetUserMfaAction } from '@/app/(app)/admin/users/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export type UserMfaResetButtonProps = { userId: string; name: string };

/** Turns a user's two-factor sign-in off (a lost phone), after a confirmation. Audited; their sessions end. */
export function UserMfaResetButton({ userId, name }: UserMfaResetButtonProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reset() {
    setIsSaving(true);
    setError(null);
    const result = await resetUserMfaAction({ userId });
    setIsSaving(false);
    setIsConfirming(false);
    if (!result.ok) setError(result.error.message);
  }

  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {isConfirming ? (
        <Alert tone="warning" title={`Reset ${name}'s two-factor sign-in?`}>
          Confirm who is asking first (in person or by a call you place). Their sessions end and they sign in with their
          password alone until they set up a new authenticator.
        </Alert>
      ) : null}
      <div className="flex gap-2">
        {isConfirming ? (
          <>
            <Button variant="danger" onClick={reset} loading={isSaving}>
              Reset two-factor sign-in
            </Button>
            <Button variant="ghost" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button variant="secondary" onClick={() => setIsConfirming(true)}>
            Reset two-factor sign-in…
          </Button>
        )}
      </div>
    </div>
  );
}
