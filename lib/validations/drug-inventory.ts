import { z } from 'zod';
import { MAX_VIALS } from '@/lib/drug-inventory/limits';
import { decimalPlaces } from '@/lib/dosing/decimal';
import { MG_DECIMALS } from '@/lib/drug-inventory/policy';
import { isoDateSchema } from '@/lib/validations/scheduling';

// Payloads of the controlled-drug record. Limits are generous for a clinic's stock
// (a 1 kg ceiling per lot catches a typo of vials for mL, not a real delivery).

/** The largest quantity one lot may hold, mg (1 kg). */
export const MAX_LOT_MG = 1_000_000;

const idSchema = z.string().trim().min(1).max(64);
export const drugIdParamsSchema = z.object({ id: idSchema });

const textSchema = (label: string, max: number) =>
  z
    .string(`Enter the ${label}`)
    .trim()
    .min(1, `Enter the ${label}`)
    .max(max, `The ${label} must be at most ${max} characters`);

const positiveDecimal = (label: string, unit: string, max: number, decimals: number) =>
  z
    .number(`${label} must be a number`)
    .positive(`${label} must be greater than 0 ${unit}`)
    .max(max, `${label} must be at most ${max} ${unit}`)
    .refine((value) => decimalPlaces(value) <= decimals, `${label} can have at most ${decimals} decimals`);

const mgSchema = (label: string) => positiveDecimal(label, 'mg', MAX_LOT_MG, MG_DECIMALS);

/** National Drug Code: 10 digits in a 4-4-2, 5-3-2 or 5-4-1 layout, or the 11-digit 5-4-2 billing form. */
const NDC_PATTERN = /^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})$/;

/** POST /api/v1/drug-inventory/lots */
export const receiveLotSchema = z
  .object({
    drug: textSchema('drug name', 100),
    ndc: z.string('Enter the NDC').trim().regex(NDC_PATTERN, 'Enter the NDC as printed, e.g. 0409-2053-10'),
    lotNumber: textSchema('lot number', 40),
    expiresOn: isoDateSchema,
    concentrationMgPerMl: positiveDecimal('Concentration', 'mg/mL', 1000, 3),
    vialVolumeMl: positiveDecimal('Vial volume', 'mL', 1000, 3),
    vialsReceived: z
      .number('Vials received must be a number')
      .int('Vials received must be a whole number')
      .min(1, 'At least 1 vial')
      .max(MAX_VIALS, `At most ${MAX_VIALS} vials`),
    receivedOn: isoDateSchema,
    /** Multi-dose vials may be kept in stock after opening; single-dose vials' remainder is wasted. */
    isMultiDoseVial: z.boolean('Say whether the vials are multi-dose').default(false),
  })
  .refine((lot) => lot.expiresOn >= lot.receivedOn, {
    path: ['expiresOn'],
    message: 'This lot had already expired when it was received',
  })
  .refine((lot) => lot.concentrationMgPerMl * lot.vialVolumeMl * lot.vialsReceived <= MAX_LOT_MG, {
    path: ['vialsReceived'],
    message: `A lot can hold at most ${MAX_LOT_MG.toLocaleString('en-US')} mg; check the vial count and volume`,
  });

const witnessFields = {
  witnessEmail: z
    .string('Name a witness: a second clinician')
    .trim()
    .min(1, 'Name a witness: a second clinician')
    .max(254)
    .toLowerCase(),
  witnessPassword: z
    .string('The witness must enter their password')
    .min(1, 'The witness must enter their password')
    .max(200),
};

/** POST /api/v1/drug-inventory/waste */
export const wasteSchema = z.object({
  lotId: idSchema,
  mg: mgSchema('Amount wasted'),
  reason: textSchema('reason for the waste', 500),
  /** The infusion visit whose opened vial this was, when it was one. */
  visitId: idSchema.nullish(),
  ...witnessFields,
});

/** POST /api/v1/drug-inventory/counts */
export const countSchema = z.object({
  lotId: idSchema,
  countedMg: z
    .number('Counted amount must be a number')
    .min(0, 'Counted amount cannot be negative')
    .max(MAX_LOT_MG, `Counted amount must be at most ${MAX_LOT_MG} mg`)
    .refine((value) => decimalPlaces(value) <= MG_DECIMALS, `Counted amount can have at most ${MG_DECIMALS} decimals`),
  notes: z.string().trim().max(1000, 'Notes must be at most 1000 characters').nullish(),
  ...witnessFields,
});

/** POST /api/v1/drug-inventory/movements/{id}/reversal */
export const reversalSchema = z.object({
  reason: textSchema('reason for the reversal', 500),
  ...witnessFields,
});

/** POST /api/v1/drug-inventory/counts/{id}/review */
export const countReviewSchema = z.object({
  note: textSchema('outcome of the review', 1000),
});

export const lotListQuerySchema = z.object({
  include: z.enum(['usable', 'all'], 'Use include=usable or include=all').default('all'),
});

export type ReceiveLotInput = z.output<typeof receiveLotSchema>;
export type WasteInput = z.output<typeof wasteSchema>;
export type CountInput = z.output<typeof countSchema>;
export type ReversalInput = z.output<typeof reversalSchema>;
export type CountReviewInput = z.output<typeof countReviewSchema>;
