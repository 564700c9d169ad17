'use client';

import { useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';

export type AmendmentDialogProps = {
  open: boolean;
  title: string;
  /** What is about to change, in words. */
  description: ReactNode;
  confirmLabel: string;
  isSaving: boolean;
  /** A message from the server (e.g. the reason was refused). */
  serverError?: string | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
};

/**
 * Asks why the protocol is being amended. Shown when someone has already been
 * screened under the current protocol: the change creates a new protocol version
 * and earlier screenings keep the version they used.
 */
export function AmendmentDialog({
  open,
  title,
  description,
  confirmLabel,
  isSaving,
  serverError,
  onCancel,
  onConfirm,
}: AmendmentDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  async function submit() {
    // The trial schemas (and zod) are fetched on demand, outside the page's first load.
    const { amendmentReasonSchema } = await import('@/lib/validations/trials');
    const parsed = amendmentReasonSchema.safeParse(reason);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Say why the protocol is being amended.');
      textareaRef.current?.focus();
      return;
    }
    setError(null);
    onConfirm(parsed.data);
  }

  return (
    <Dialog
      open={open}
      onClose={() => (isSaving ? undefined : onCancel())}
      title={title}
      description={description}
      initialFocusRef={textareaRef}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={isSaving}>
            Cancel
          </Button>
          <Button variant="primary" onClick={submit} loading={isSaving}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field
          label="Reason for the amendment"
          hint="People have been screened under the current protocol, so this change creates a new protocol version. Their screenings keep the version they used."
          error={error ?? serverError ?? undefined}
          required
        >
          <Textarea
            ref={textareaRef}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={2000}
          />
        </Field>
      </form>
    </Dialog>
  );
}
