'use client';

import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

function formatCountdown(seconds: number) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export type IdleWarningProps = {
  id: string;
  secondsLeft: number;
  /** What screen readers hear at set moments of the countdown, not every second. */
  announcement: string;
  onStay: () => void;
  onSignOut: () => void;
};

/** The minute before an idle sign-out (./idle-timeout.tsx decides when): stay, or sign out now. */
export function IdleWarning({ id, secondsLeft, announcement, onStay, onSignOut }: IdleWarningProps) {
  const stayButtonRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      id={id}
      open
      onClose={onStay}
      role="alertdialog"
      initialFocusRef={stayButtonRef}
      title={`You will be signed out in ${secondsLeft} seconds`}
      description={
        <p>
          There has been no activity for 14 minutes. To protect participant data, TrialDesk signs you out after 15
          minutes. Time left: <span className="font-semibold tabular-nums">{formatCountdown(secondsLeft)}</span>
          {/* Inside the dialog: showModal() makes everything outside it inert, live regions included. */}
          <span className="sr-only" aria-live="polite">
            {announcement}
          </span>
        </p>
      }
      footer={
        <>
          <Button variant="secondary" onClick={onSignOut}>
            Sign out now
          </Button>
          <Button ref={stayButtonRef} onClick={onStay}>
            Stay signed in
          </Button>
        </>
      }
    />
  );
}
