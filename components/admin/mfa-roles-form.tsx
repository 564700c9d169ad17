'use client';

import { useState } from 'react';
import { setMfaRolesAction } from '@/app/(app)/admin/users/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';

export type MfaRoleRow = { role: Role; isMfaRequired: boolean; isRecommended: boolean };

/** Which roles must use two-factor sign-in. Saving is audited. */
export function MfaRolesForm({ roles }: { roles: MfaRoleRow[] }) {
  const [required, setRequired] = useState(() => new Set(roles.filter((r) => r.isMfaRequired).map((r) => r.role)));
  const [isSaving, setIsSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  function toggle(role: Role, isOn: boolean) {
    setRequired((current) => {
      const next = new Set(current);
      if (isOn) next.add(role);
      else next.delete(role);
      return next;
    });
  }

  async function save() {
    setIsSaving(true);
    setMessage(null);
    const result = await setMfaRolesAction({ requiredRoles: [...required] });
    setIsSaving(false);
    setMessage(result.ok ? { tone: 'success', text: 'Saved.' } : { tone: 'error', text: result.error.message });
  }

  return (
    <div className="flex flex-col gap-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm text-slate-700">
          Users of a checked role are sent to set up an authenticator app at their next sign-in.
        </legend>
        {roles.map((row) => (
          <Checkbox
            key={row.role}
            label={`${ROLE_LABELS[row.role]}${row.isRecommended ? ' (recommended)' : ''}`}
            checked={required.has(row.role)}
            onChange={(event) => toggle(row.role, event.currentTarget.checked)}
          />
        ))}
      </fieldset>
      <div>
        <Button variant="secondary" onClick={save} loading={isSaving}>
          Save
        </Button>
      </div>
    </div>
  );
}
