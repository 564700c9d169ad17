import { z } from 'zod';
import {
  SEX_VALUES,
  REFERRAL_SOURCES,
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  ageInYears,
} from '@/lib/candidates/vocabulary';

// Candidate (a patient being considered for a trial) input: the intake form, the
// edit form, the list's URL parameters, pipeline moves and the contact log. The
// same schemas run in the browser (zodResolver) and on the server (the guard).
// Calendar dates travel as 'YYYY-MM-DD'; instants as ISO 8601 with an offset.

export type SexValue = (typeof SEX_VALUES)[number];

export type ReferralSourceValue = (typeof REFERRAL_SOURCES)[number];

export type ContactMethodValue = (typeof CONTACT_METHODS)[number];

export type ContactOutcomeValue = (typeof CONTACT_OUTCOMES)[number];

/** Pipeline order: the way a candidate moves, then the ways out. */
export const PIPELINE_STAGE_VALUES = [
  'REFERRED',
  'CONTACTED',
  'PRESCREENING',
  'AWAITING_REVIEW',
  'ELIGIBLE',
  'INELIGIBLE',
  'CONSENTED',
  'ENROLLED',
  'IN_TREATMENT',
  'COMPLETED',
  'WITHDRAWN',
  'SCREEN_FAILED',
  'LOST_TO_FOLLOW_UP',
] as const;
export type PipelineStageValue = (typeof PIPELINE_STAGE_VALUES)[number];

export const CANDIDATE_SORT_FIELDS = ['lastName', 'referralDate', 'createdAt', 'stage', 'dateOfBirth'] as const;
export type CandidateSortField = (typeof CANDIDATE_SORT_FIELDS)[number];

export const CANDIDATE_DEFAULT_PAGE_SIZE = 25;
export const CANDIDATE_MAX_PAGE_SIZE = 100;
export const MAX_CANDIDATE_AGE_YEARS = 120;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** UTC+14 is the earliest calendar on Earth: a date not after "today there" is not in the future anywhere. */
const EARLIEST_ZONE_OFFSET_MS = 14 * 3_600_000;

function isRealCalendarDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Today's date where it is latest in the world. The browser and the server may
 * sit in different zones; comparing against this never refuses a date that is
 * today for the person typing it.
 */
export function latestTodayIsoDate(now: Date = new Date()): string {
  return new Date(now.getTime() + EARLIEST_ZONE_OFFSET_MS).toISOString().slice(0, 10);
}

function dateField(label: string) {
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .regex(ISO_DATE_PATTERN, `Use the date format YYYY-MM-DD for the ${label}.`)
    .refine(isRealCalendarDate, `This ${label} does not exist on the calendar.`);
}

function optionalText(max: number, label: string) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullish()
    .transform((value) => (value === '' ? null : value));
}

/** Separators people type in phone numbers; removed before counting digits. */
const PHONE_SEPARATORS = /[\s().-]/g;
const PHONE_MESSAGE =
  'Enter a phone number with its area code, like (212) 555-0123, or an international one starting with +, like +44 20 7946 0000.';

/**
 * Permissive on purpose: a 10-digit North American number (optionally with a
 * leading 1), or an international number with a leading + and 7 to 15 digits
 * (E.164), with any spaces, dots, dashes or brackets, and an optional extension.
 */
export function isPlausiblePhone(raw: string): boolean {
  const value = raw.trim();
  if (!/^\+?[\d\s().-]+((ext\.?|x)\s*\d{1,6})?$/i.test(value)) return false;
  const [main] = value.split(/ext\.?|x/i);
  const digits = main.replace(PHONE_SEPARATORS, '');
  if (digits.startsWith('+')) return /^\+[1-9]\d{6,14}$/.test(digits);
  return /^1?[2-9]\d{9}$/.test(digits);
}

export const phoneSchema = z
  .string({ error: 'Enter a phone number.' })
  .trim()
  .min(1, 'Enter a phone number.')
  .max(40, PHONE_MESSAGE)
  .refine(isPlausiblePhone, PHONE_MESSAGE);

export const mrnSchema = z
  .string({ error: 'Enter the medical record number.' })
  .trim()
  .min(1, 'Enter the medical record number.')
  .max(40, 'The MRN must be at most 40 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'The MRN may hold letters, digits, dots, dashes and slashes only.')
  // MRNs differing only in letter case are the same record; the unique index sees one form.
  .toUpperCase();

const nameField = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(100, `The ${label} must be at most 100 characters.`);

export const dateOfBirthSchema = dateField('date of birth').superRefine((value, ctx) => {
  if (!isRealCalendarDate(value)) return;
  const today = latestTodayIsoDate();
  if (value >= today) {
    ctx.addIssue({ code: 'custom', message: 'The date of birth must be in the past.' });
    return;
  }
  if (ageInYears(value, today) > MAX_CANDIDATE_AGE_YEARS) {
    ctx.addIssue({
      code: 'custom',
      message: `Age must be between 0 and ${MAX_CANDIDATE_AGE_YEARS} years; check the year.`,
    });
  }
});

/** A date that is not in the future (referral, consent). */
export function pastOrTodayDateSchema(label: string) {
  return dateField(label).refine(
    (value) => !isRealCalendarDate(value) || value <= latestTodayIsoDate(),
    `The ${label} cannot be in the future.`,
  );
}

export const sexSchema = z
  .string({ error: 'Choose a sex: female, male, other or unknown.' })
  .trim()
  .toLowerCase()
  .pipe(z.enum(SEX_VALUES, { error: 'Choose a sex: female, male, other or unknown.' }));

export const referralSourceSchema = z.enum(REFERRAL_SOURCES, {
  error: 'Choose a referral source: provider, self, advertisement, registry or other.',
});
export const contactMethodSchema = z.enum(CONTACT_METHODS, {
  error: 'Choose a contact method: phone, email, text or in person.',
});
export const contactOutcomeSchema = z.enum(CONTACT_OUTCOMES, { error: 'Choose what happened.' });
export const pipelineStageSchema = z.enum(PIPELINE_STAGE_VALUES, { error: 'Choose a pipeline stage.' });

const idSchema = (label: string) =>
  z
    .string({ error: `Choose a ${label}.` })
    .trim()
    .min(1, `Choose a ${label}.`)
    .max(64, `This is not a ${label} id.`);

/** The candidate's own fields: what the intake form and the edit form share. */
export const candidateFieldsSchema = z.object({
  firstName: nameField('first name'),
  lastName: nameField('last name'),
  dateOfBirth: dateOfBirthSchema,
  sex: sexSchema,
  mrn: mrnSchema,
  phone: phoneSchema,
  email: z
    .string({ error: 'Email must be text.' })
    .trim()
    .max(254, 'The email address is too long.')
    .nullish()
    .transform((value) => (value === '' ? null : value))
    .pipe(
      z
        .email('Enter a valid email address, like name@example.org.')
        .transform((value) => value.toLowerCase())
        .nullish(),
    ),
  preferredContactMethod: contactMethodSchema.nullish(),
  preferredLanguage: optionalText(60, 'Preferred language'),
  isVeteran: z.boolean({ error: 'Say whether the candidate is a veteran.' }).nullish(),
  referralSource: referralSourceSchema,
  referringProvider: optionalText(200, 'Referring provider'),
  referringContact: optionalText(200, 'Referring contact'),
  referralDate: pastOrTodayDateSchema('referral date'),
  notes: optionalText(4000, 'Notes'),
  assignedCoordinatorId: z
    .string({ error: 'Choose a coordinator.' })
    .trim()
    .max(64, 'This is not a coordinator id.')
    .nullish()
    .transform((value) => (value === '' ? null : value)),
});

/** POST /api/v1/candidates and the intake form. */
export const candidateInputSchema = candidateFieldsSchema.extend({
  /** Required by the server when the candidate looks like an existing record (same birth date, similar name). */
  duplicateOverrideReason: z
    .string({ error: 'Say why this is not the same person.' })
    .trim()
    .max(1000, 'The reason must be at most 1000 characters.')
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || value.length >= 5, 'Say in a few words why this is not the same person.'),
  /** Add the new candidate to this trial's pipeline at REFERRED. */
  trialId: z
    .string()
    .trim()
    .max(64, 'This is not a trial id.')
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
});
export type CandidateInput = z.output<typeof candidateInputSchema>;
export type CandidateFormValues = z.input<typeof candidateInputSchema>;

/** PATCH /api/v1/candidates/{id}: any subset of the fields plus the version the client read. */
export const candidatePatchSchema = candidateFieldsSchema.partial().extend({
  version: z
    .number({ error: 'Send the record version you are editing.' })
    .int('The version is a whole number.')
    .min(1, 'The version starts at 1.'),
});
export type CandidatePatch = z.output<typeof candidatePatchSchema>;

export const candidateIdParamsSchema = z.object({
  id: z.string().trim().min(1, 'A candidate id is required.').max(64, 'This is not a candidate id.'),
});

// ---------------------------------------------------------------- List (URL search params)

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** GET /api/v1/candidates, the CSV export and the candidates page's search params. */
export const candidateListQuerySchema = z
  .object({
    page: z.preprocess(
      blankToUndefined,
      z.coerce
        .number('Page must be a number.')
        .int('Page must be a whole number.')
        .min(1, 'Pages start at 1.')
        .max(100_000, 'Page is too large.')
        .default(1),
    ),
    pageSize: z.preprocess(
      blankToUndefined,
      z.coerce
        .number('Page size must be a number.')
        .int('Page size must be a whole number.')
        .min(1, 'Show at least 1 row per page.')
        .max(CANDIDATE_MAX_PAGE_SIZE, `At most ${CANDIDATE_MAX_PAGE_SIZE} rows per page.`)
        .default(CANDIDATE_DEFAULT_PAGE_SIZE),
    ),
    /** Name ("first last", either part) or MRN. */
    q: z.preprocess(blankToUndefined, z.string().trim().max(100, 'The search is too long.').optional()),
    trialId: z.preprocess(blankToUndefined, z.string().trim().max(64, 'This is not a trial id.').optional()),
    stage: z.preprocess(blankToUndefined, pipelineStageSchema.optional()),
    /** A coordinator's user id, or "none" for candidates nobody is assigned to. */
    coordinatorId: z.preprocess(
      blankToUndefined,
      z.string().trim().max(64, 'This is not a coordinator id.').optional(),
    ),
    referralSource: z.preprocess(blankToUndefined, referralSourceSchema.optional()),
    /** Only referrals made at least this many days ago. */
    referralAgeDays: z.preprocess(
      blankToUndefined,
      z.coerce
        .number('Referral age must be a number of days.')
        .int('Referral age must be a whole number of days.')
        .min(0, 'Referral age cannot be negative.')
        .max(36_500, 'Referral age is too large.')
        .optional(),
    ),
    sort: z.preprocess(
      blankToUndefined,
      z
        .enum(CANDIDATE_SORT_FIELDS, { error: `Sort by one of: ${CANDIDATE_SORT_FIELDS.join(', ')}.` })
        .default('referralDate'),
    ),
    dir: z.preprocess(
      blankToUndefined,
      z.enum(['asc', 'desc'], { error: 'Sort direction is asc or desc.' }).optional(),
    ),
  })
  .refine((query) => query.sort !== 'stage' || query.trialId !== undefined, {
    path: ['sort'],
    message: 'Sorting by stage needs a trial: a candidate has one stage per trial.',
  });
export type CandidateListQuery = z.output<typeof candidateListQuerySchema>;
export type CandidateListQueryInput = z.input<typeof candidateListQuerySchema>;

/** The direction a sort uses when the URL does not say: newest first for dates of events, A–Z otherwise. */
export function defaultSortDirection(sort: CandidateSortField): 'asc' | 'desc' {
  return sort === 'referralDate' || sort === 'createdAt' ? 'desc' : 'asc';
}

export const reviewQueueQuerySchema = z.object({
  trialId: z.preprocess(blankToUndefined, z.string().trim().max(64, 'This is not a trial id.').optional()),
});
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

// ---------------------------------------------------------------- Pipeline and contacts

/** One of the trial's active approved consent form versions (lib/consent), not free text. */
export const consentInputSchema = z.object({
  consentedOn: pastOrTodayDateSchema('consent date'),
  formVersionId: idSchema('consent form version'),
});

/** POST /api/v1/candidates/{id}/pipeline. `to: 'REFERRED'` adds the candidate to the trial. */
export const pipelineMoveSchema = z.object({
  trialId: idSchema('trial'),
  to: pipelineStageSchema,
  /** Required when leaving the pipeline (withdrawn, screen failed, lost to follow-up). */
  reason: z
    .string({ error: 'The reason must be text.' })
    .trim()
    .max(1000, 'The reason must be at most 1000 characters.')
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
  /** Required when moving to CONSENTED. */
  consent: consentInputSchema.optional(),
  /** Required when enrolling into an open-label (non-randomized) trial. */
  armId: z
    .string()
    .trim()
    .max(64, 'This is not an arm id.')
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
});
export type PipelineMoveInput = z.output<typeof pipelineMoveSchema>;
export type PipelineMoveValues = z.input<typeof pipelineMoveSchema>;

/** Minutes a contact time may lie ahead of the server clock (clock skew), no more. */
const CONTACT_CLOCK_SKEW_MS = 5 * 60_000;

/** POST /api/v1/candidates/{id}/contacts. */
export const contactAttemptSchema = z
  .object({
    trialId: z
      .string()
      .trim()
      .max(64, 'This is not a trial id.')
      .optional()
      .transform((value) => (value === '' ? undefined : value)),
    method: contactMethodSchema,
    outcome: contactOutcomeSchema,
    notes: optionalText(2000, 'Notes'),
    contactedAt: z.iso
      .datetime({
        offset: true,
        message: 'Use an ISO 8601 date-time with a time zone offset, e.g. 2026-11-23T14:05:00-05:00.',
      })
      .refine(
        (value) => Date.parse(value) <= Date.now() + CONTACT_CLOCK_SKEW_MS,
        'The contact time cannot be in the future.',
      ),
    nextFollowUpOn: dateField('follow-up date')
      .nullish()
      .transform((value) => value ?? null),
  })
  // The date part of an ISO time with an offset is the calendar date where the contact happened.
  .refine((input) => !input.nextFollowUpOn || input.nextFollowUpOn >= input.contactedAt.slice(0, 10), {
    path: ['nextFollowUpOn'],
    message: 'The follow-up date cannot be before the contact.',
  });
export type ContactAttemptInput = z.output<typeof contactAttemptSchema>;
export type ContactAttemptValues = z.input<typeof contactAttemptSchema>;
