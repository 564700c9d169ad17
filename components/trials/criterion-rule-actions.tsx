'use client';

import { useState } from 'react';
import { confirmCriterionRuleAction } from '@/app/(app)/trials/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { AmendmentDialog } from './amendment-dialog';

export type CriterionRuleActionsProps = {
  trialId: string;
  criterionId: string;
  /** e.g. "inclusion criterion 2", so each button's name says which criterion it acts on. */
  criterionName: string;
  suggestedRuleText: string;
  hasScreenings: boolean;
};

type Intent = 'confirm' | 'dismiss';

/** Confirm the parser's suggested rule, or dismiss it and keep the criterion to clinician judgment. */
export function CriterionRuleActions({
  trialId,
  criterionId,
  criterionName,
  suggestedRuleText,
  hasScreenings,
}: CriterionRuleActionsProps) {
  const [pending, setPending] = useState<Intent | null>(null);
  const [dialog, setDialog] = useState<Intent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);

  async function run(intent: Intent, amendmentReason?: string) {
    setPending(intent);
    setError(null);
    setReasonError(null);
    const result = await confirmCriterionRuleAction({
      id: trialId,
      criterionId,
      clear: intent === 'dismiss',
      amendmentReason,
    });
    setPending(null);
    if (result.ok) {
      setDialog(null);
      return;
    }
    const reasonMessages = result.error.fields?.amendmentReason;
    if (reasonMessages) {
      // The server knows best whether this amends a protocol someone was screened under.
      setDialog(intent);
      setReasonError(reasonMessages.join(' '));
      return;
    }
    setDialog(null);
    setError(result.error.message);
  }

  function start(intent: Intent) {
    if (hasScreenings) setDialog(intent);
    else void run(intent);
  }

  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="primary"
          onClick={() => start('confirm')}
          loading={pending === 'confirm'}
          disabled={pending !== null}
        >
          Confirm<span className="sr-only"> suggested rule for {criterionName}</span>
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => start('dismiss')}
          loading={pending === 'dismiss'}
          disabled={pending !== null}
        >
          Dismiss<span className="sr-only"> suggested rule for {criterionName}</span>
        </Button>
      </div>
      <AmendmentDialog
        open={dialog !== null}
        title={dialog === 'dismiss' ? 'Dismiss the suggested rule?' : 'Confirm the suggested rule?'}
        description={
          dialog === 'dismiss' ? (
            <>The {criterionName} will be decided by clinician judgment.</>
          ) : (
            <>
              The {criterionName} will be checked by the rule <strong>{suggestedRuleText}</strong>.
            </>
          )
        }
        confirmLabel={dialog === 'dismiss' ? 'Dismiss and amend' : 'Confirm and amend'}
        isSaving={pending !== null}
        serverError={reasonError}
        onCancel={() => {
          setDialog(null);
          setReasonError(null);
        }}
        onConfirm={(reason) => dialog && void run(dialog, reason)}
      />
    </div>
  );
}
