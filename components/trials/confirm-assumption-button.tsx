'use client';

import { useState } from 'react';
import { confirmAssumptionAction } from '@/app/(app)/trials/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export type ConfirmAssumptionButtonProps = {
  trialId: string;
  target: 'CRITERION' | 'ARM_DOSING' | 'ASSESSMENT_PLAN_ITEM';
  rowId: string;
  field: string;
  subject: string;
};

/** Confirms one assumption as it stands; the value does not change, so no amendment reason is asked. */
export function ConfirmAssumptionButton({ trialId, target, rowId, field, subject }: ConfirmAssumptionButtonProps) {
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setIsSaving(true);
    setError(null);
    const result = await confirmAssumptionAction({ id: trialId, target, rowId, field: field as never });
    setIsSaving(false);
    if (!result.ok) setError(result.error.message);
  }

  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div>
        <Button size="sm" variant="secondary" loading={isSaving} onClick={() => void confirm()}>
          Confirm<span className="sr-only"> the assumption: {subject}</span>
        </Button>
      </div>
    </div>
  );
}
