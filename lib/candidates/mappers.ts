import type { Sex } from '@/lib/generated/prisma/enums';
import type { SexValue } from '@/lib/validations/candidates';

// Small conversions shared by the candidate functions: calendar dates between
// 'YYYY-MM-DD' and @db.Date values, sex between the API's lower case and the
// database enum, and how a trial is named in lists.

/** @db.Date columns come back as UTC midnight; the UTC date is the calendar date. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar date as the UTC-midnight Date Prisma writes to a @db.Date column. */
export function fromIsoDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function toDbSex(sex: SexValue): Sex {
  return sex.toUpperCase() as Sex;
}

export function fromDbSex(sex: Sex): SexValue {
  return sex.toLowerCase() as SexValue;
}

/** Acronym, else short title, else title: what staff call the trial. */
export function trialLabel(trial: { acronym: string | null; shortTitle: string | null; title: string }): string {
  return trial.acronym?.trim() || trial.shortTitle?.trim() || trial.title;
}

/** The SQL expression for trialLabel(), for queries that name trials themselves. */
export const TRIAL_LABEL_SQL = `COALESCE(NULLIF(btrim(t.acronym), ''), NULLIF(btrim(t."shortTitle"), ''), t.title)`;
