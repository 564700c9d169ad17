'use client';

import { useState } from 'react';
import { confirmArmDosingAction } from '@/app/(app)/trials/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { AmendmentDialog } from './amendment-dialog';

export type ConfirmDosingButtonProps = {
  trialId: string;
  armId: string;
  armLabel: string;
  dosingText: string;
  hasScreenings: boolean;
};

/** Confirms the dosing protocol the importer suggested for an arm, as shown. */
export function ConfirmDosingButton({ trialId, armId, armLabel, dosingText, hasScreenings }: ConfirmDosingButtonProps) {
  const [isSaving, setIsSaving] = useState(false);
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);

  async function confirm(amendmentReason?: string) {
    setIsSaving(true);
    setError(null);
    setReasonError(null);
    const result = await confirmArmDosingAction({ id: trialId, armId, amendmentReason });
    setIsSaving(false);
    if (result.ok) {
      setIsDialogOpen(false);
      return;
    }
    const reasonMessages = result.error.fields?.amendmentReason;
    if (reasonMessages) {
      setIsDialogOpen(true);
      setReasonError(reasonMessages.join(' '));
      return;
    }
    setIsDialogOpen(false);
    setError(result.error.message);
  }

  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div>
        <Button
          size="sm"
          variant="primary"
          loading={isSaving}
          onClick={() => (hasScreenings ? setIsDialogOpen(true) : void confirm())}
        >
          Confirm dosing<span className="sr-only"> for {armLabel}</span>
        </Button>
      </div>
      <AmendmentDialog
        open={isDialogOpen}
        title={`Confirm the dosing for ${armLabel}?`}
        description={<>Sessions will be dosed as: {dosingText}.</>}
        confirmLabel="Confirm and amend"
        isSaving={isSaving}
        serverError={reasonError}
        onCancel={() => {
          setIsDialogOpen(false);
          setReasonError(null);
        }}
        onConfirm={(reason) => void confirm(reason)}
      />
    </div>
  );
}
