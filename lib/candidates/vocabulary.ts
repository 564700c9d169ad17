// Candidate values the browser needs without the input schemas (and zod): the choices the
// intake and contact forms offer and the age rule. lib/validations/candidates.ts builds on them.

export const SEX_VALUES = ['female', 'male', 'other', 'unknown'] as const;

export const REFERRAL_SOURCES = ['PROVIDER', 'SELF', 'ADVERTISEMENT', 'REGISTRY', 'OTHER'] as const;

export const CONTACT_METHODS = ['PHONE', 'EMAIL', 'TEXT', 'IN_PERSON'] as const;

export const CONTACT_OUTCOMES = [
  'REACHED',
  'LEFT_MESSAGE',
  'NO_ANSWER',
  'WRONG_NUMBER',
  'EMAIL_SENT',
  'TEXT_SENT',
  'DECLINED',
  'SCHEDULED_PRESCREEN',
] as const;

/** Whole years from `dateOfBirth` to `onDate` (both 'YYYY-MM-DD'). */
export function ageInYears(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = onDate.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
