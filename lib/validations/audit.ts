import { z } from 'zod';
import { isoDateSchema } from '@/lib/validations/scheduling';

// Filters of the audit trail, shared by the admin page (GET form parameters) and
// GET /api/v1/audit. Every value arrives as a string; an empty one means "any".

export const AUDIT_PAGE_SIZE = 50;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

function optionalText(max: number, label: string) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max, `${label} is too long.`).optional());
}

const filterFields = z.object({
  entityType: optionalText(80, 'Entity type'),
  entityId: optionalText(64, 'Entity id'),
  /** A user id, or an email: an email also matches failed sign-ins, which have no user row. */
  actor: optionalText(254, 'Actor'),
  /** Matches actions that start with this text, e.g. "user." or "auth.sign_in". */
  action: optionalText(80, 'Action'),
  /** Inclusive clinic-local calendar days. */
  from: z.preprocess(blankToUndefined, isoDateSchema.optional()),
  to: z.preprocess(blankToUndefined, isoDateSchema.optional()),
  page: z.preprocess(
    blankToUndefined,
    z.coerce
      .number('Page must be a number.')
      .int('Page must be a whole number.')
      .min(1, 'Pages start at 1.')
      .max(100_000)
      .default(1),
  ),
});

const rangeInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const RANGE_MESSAGE = { path: ['to'], message: 'The end date is before the start date.' };

export const auditFilterSchema = filterFields.refine(rangeInOrder, RANGE_MESSAGE);

/** GET /api/v1/audit: the same filters, and `format=csv` for the whole filtered trail as a file. */
export const auditQuerySchema = filterFields
  .extend({
    format: z.preprocess(blankToUndefined, z.enum(['json', 'csv'], 'Format must be json or csv.').default('json')),
  })
  .refine(rangeInOrder, RANGE_MESSAGE);

export type AuditFilter = z.output<typeof auditFilterSchema>;
