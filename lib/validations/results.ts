import { z } from 'zod';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const timepoint = z.preprocess(
  emptyToUndefined,
  z
    .string('Give a timepoint code such as BASELINE or AFTER_SESSION_3.')
    .trim()
    .max(40, 'Timepoint codes are at most 40 characters.')
    .optional(),
);

/** `?from=BASELINE&to=AFTER_SESSION_6` on the outcomes report, page and change export; membership in the plan is checked against the trial. */
export const outcomeRangeQuerySchema = z.object({ from: timepoint, to: timepoint });
export type OutcomeRangeQuery = z.infer<typeof outcomeRangeQuerySchema>;
