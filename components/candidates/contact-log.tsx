import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ContactAttemptDto } from '@/lib/candidates/types';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { ContactOutcomeValue } from '@/lib/validations/candidates';
import { formatCalendarDate } from './format';
import { CONTACT_METHOD_LABELS, CONTACT_OUTCOME_LABELS } from './labels';

const OUTCOME_TONES: Record<ContactOutcomeValue, BadgeTone> = {
  REACHED: 'success',
  SCHEDULED_PRESCREEN: 'success',
  LEFT_MESSAGE: 'info',
  EMAIL_SENT: 'info',
  TEXT_SENT: 'info',
  NO_ANSWER: 'warning',
  WRONG_NUMBER: 'danger',
  DECLINED: 'danger',
};

/** Contact attempts, newest first. Only the latest one's follow-up date is still pending. */
export function ContactLog({
  contacts,
  today,
  timeZone,
}: {
  contacts: ContactAttemptDto[];
  today: string;
  /** The clinic's zone (settings), named beside each time. */
  timeZone: string;
}) {
  if (contacts.length === 0) {
    return <p className="text-sm text-slate-700">No contact attempts logged yet.</p>;
  }
  return (
    <ol className="flex flex-col divide-y divide-slate-100" aria-label="Contact attempts, newest first">
      {contacts.map((contact, index) => {
        const isPending = index === 0 && contact.nextFollowUpOn !== null;
        const isOverdue = isPending && contact.nextFollowUpOn! < today;
        return (
          <li key={contact.id} className="flex flex-col gap-1 py-3 text-sm first:pt-0 last:pb-0">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-medium text-slate-900">{CONTACT_METHOD_LABELS[contact.method]}</span>
              <Badge tone={OUTCOME_TONES[contact.outcome]}>{CONTACT_OUTCOME_LABELS[contact.outcome]}</Badge>
              {contact.trialLabel ? <span className="text-slate-700">about {contact.trialLabel}</span> : null}
            </p>
            <p className="text-slate-700">
              {contact.actor.name} ·{' '}
              <time dateTime={contact.contactedAt}>{formatClinicZoned(new Date(contact.contactedAt), timeZone)}</time>
            </p>
            {contact.notes ? <p className="whitespace-pre-line text-slate-800">{contact.notes}</p> : null}
            {contact.nextFollowUpOn ? (
              <p className={isOverdue ? 'font-medium text-red-800' : 'text-slate-700'}>
                {isOverdue
                  ? 'Overdue: follow-up was due '
                  : isPending
                    ? 'Next follow-up '
                    : 'Follow-up was planned for '}
                <time dateTime={contact.nextFollowUpOn}>{formatCalendarDate(contact.nextFollowUpOn)}</time>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
