'use client';

import { useState } from 'react';
import { setUserActiveAction } from '@/app/(app)/admin/users/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

export type UserStatusControlProps = { userId: string; name: string; isActive: boolean; isSelf: boolean };

/** Deactivate or reactivate an account, always behind a confirmation. */
export function UserStatusControl({ userId, name, isActive, isSelf }: UserStatusControlProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);

  if (isSelf && isActive) {
    return (
      <p className="text-sm text-slate-700">
        You cannot deactivate your own account. Ask another admin if it should be closed.
      </p>
    );
  }

  async function confirm() {
    setIsSaving(true);
    const result = await setUserActiveAction({ userId, isActive: !isActive });
    setIsSaving(false);
    setIsOpen(false);
    setStatus(
      result.ok
        ? {
            tone: 'success',
            message: isActive ? `${name} is deactivated and signed out.` : `${name} can sign in again.`,
          }
        : { tone: 'error', message: result.error.message },
    );
  }

  const verb = isActive ? 'Deactivate' : 'Reactivate';
  return (
    <div className="flex flex-col gap-3">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <p className="text-sm text-slate-700">
        {isActive
          ? 'A deactivated user is signed out at once and cannot sign in. Their records and audit history are kept.'
          : 'This account is deactivated. Reactivating lets them sign in again with their current password.'}
      </p>
      <div>
        <Button variant={isActive ? 'danger' : 'secondary'} onClick={() => setIsOpen(true)}>
          {verb} account
        </Button>
      </div>
      <Dialog
        open={isOpen}
        onClose={() => (isSaving ? undefined : setIsOpen(false))}
        title={`${verb} ${name}?`}
        description={
          isActive
            ? `${name} will be signed out of every device now and will not be able to sign in until an admin reactivates the account.`
            : `${name} will be able to sign in again with their current password.`
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setIsOpen(false)} disabled={isSaving}>
              Cancel
            </Button>
            <Button variant={isActive ? 'danger' : 'primary'} onClick={confirm} loading={isSaving}>
              {verb} account
            </Button>
          </>
        }
      />
    </div>
  );
}
