import { z } from 'zod';
import { BLOOD_PRESSURE_CODE, parseBloodPressure } from '@/lib/measures/blood-pressure';
import { measuredAtSchema, measurementInputSchema } from '@/lib/measures/measurement-input';
import {
  PHQ9_ALL_ITEMS_MESSAGE,
  PHQ9_ITEM_COUNT,
  PHQ9_ITEM_MAX,
  PHQ9_ITEM_MIN,
  PHQ9_ITEMS_CODE,
} from '@/lib/measures/phq9-items';
import { MAX_MEASUREMENTS_PER_REQUEST } from '@/lib/validations/screening';

// The screening form of one trial (GET /api/v1/trials/{id}/screening-form and the candidate's
// screening page). The same schema checks the form in the browser (schemaResolver) and the
// server action; the measurements API takes the same entries, `bp` included.

const id = (label: string) =>
  z
    .string({ error: `Choose a ${label}.` })
    .trim()
    .min(1, `Choose a ${label}.`)
    .max(64, `This is not a ${label} id.`);

/** ?candidateId=… on GET /api/v1/trials/{id}/screening-form */
export const screeningFormQuerySchema = z.object({ candidateId: id('candidate') }).strict();

/** `{ code: 'bp', value: '130/85', measuredAt }`: one reading, recorded as sbp and dbp. */
export const bloodPressureInputSchema = z
  .object({
    code: z.literal(BLOOD_PRESSURE_CODE),
    value: z.string({ error: 'Enter blood pressure as systolic/diastolic, e.g. 130/85' }).superRefine((text, ctx) => {
      const parsed = parseBloodPressure(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
    measuredAt: measuredAtSchema,
  })
  .strict();

const phq9ItemSchema = z
  .number({ error: `Choose an answer (${PHQ9_ITEM_MIN}–${PHQ9_ITEM_MAX}).` })
  .int(`Choose an answer (${PHQ9_ITEM_MIN}–${PHQ9_ITEM_MAX}).`)
  .min(PHQ9_ITEM_MIN, `Choose an answer (${PHQ9_ITEM_MIN}–${PHQ9_ITEM_MAX}).`)
  .max(PHQ9_ITEM_MAX, `Choose an answer (${PHQ9_ITEM_MIN}–${PHQ9_ITEM_MAX}).`);

/** `{ code: 'phq9', items: [9 × 0–3], measuredAt }`: recorded as the phq9_total with its items (decision 0040). */
export const phq9ItemsInputSchema = z
  .object({
    code: z.literal(PHQ9_ITEMS_CODE),
    items: z.array(phq9ItemSchema, { error: PHQ9_ALL_ITEMS_MESSAGE }).length(PHQ9_ITEM_COUNT, PHQ9_ALL_ITEMS_MESSAGE),
    measuredAt: measuredAtSchema,
  })
  .strict();

/** One entry of a screening form: a measurement (lib/measures/measurement-input.ts), a blood pressure reading or a PHQ-9 by item. */
export const screeningEntrySchema = z.discriminatedUnion('code', [
  bloodPressureInputSchema,
  phq9ItemsInputSchema,
  measurementInputSchema,
]);

export const screeningFormSchema = z
  .object({
    candidateId: id('candidate'),
    entries: z
      .array(screeningEntrySchema)
      .min(1, 'Enter at least one value.')
      .max(MAX_MEASUREMENTS_PER_REQUEST, `Enter at most ${MAX_MEASUREMENTS_PER_REQUEST} values at once.`),
  })
  .strict();

export type ScreeningFormInput = z.infer<typeof screeningFormSchema>;
