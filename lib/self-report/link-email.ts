import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';

/**
 * The invitation email. It says nothing clinical (no questionnaire name, trial, diagnosis
 * or result): an inbox is not a private place. The expiry is on the clinic settings' `timeZone`,
 * named, since the participant may read it anywhere.
 */
export function linkEmail(options: {
  firstName: string;
  url: string;
  expiresAt: Date;
  isReminder: boolean;
  timeZone: string;
}) {
  const { firstName, url, expiresAt, isReminder, timeZone } = options;
  const until = formatClinicZoned(expiresAt, timeZone);
  const opening = isReminder
    ? 'A reminder from your study team: a short form is waiting for you.'
    : 'Your study team has a short form for you to fill in.';
  const text = [
    `Hello ${firstName},`,
    '',
    opening,
    '',
    `Open this link to answer: ${url}`,
    '',
    `The link works once and until ${until}. If you did not expect this message, you can ignore it.`,
    '',
    'Your study team',
  ].join('\n');
  return {
    subject: isReminder ? 'Reminder: a short form from your study team' : 'A short form from your study team',
    text,
  };
}
