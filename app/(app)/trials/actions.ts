'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors/app-error';
import { fetchRegistryStudy } from '@/lib/ctgov/fetch-registry-study';
import { confirmAssumption } from '@/lib/provenance/confirm-assumption';
import { confirmArmDosing } from '@/lib/trials/confirm-arm-dosing';
import { confirmCriterionRule } from '@/lib/trials/confirm-criterion-rule';
import { createTrial } from '@/lib/trials/create-trial';
import { importTrials, previewImport } from '@/lib/trials/import-trials';
import { setScreeningWindow } from '@/lib/trials/set-screening-window';
import { updateTrial } from '@/lib/trials/update-trial';
import { confirmAssumptionSchema } from '@/lib/validations/provenance';
import {
  armParamsSchema,
  confirmArmDosingSchema,
  confirmCriterionRuleSchema,
  criterionParamsSchema,
  registryStudyRequestSchema,
  screeningWindowSchema,
  trialDraftSchema,
  trialIdParamsSchema,
  trialPatchSchema,
} from '@/lib/validations/trials';

// Thin wrappers: the guard checks `trial.edit` and validates with the shared
// schemas, the lib functions write (with their audit events), and the pages
// that show the trial are revalidated.

/** The import limit of POST /api/v1/trials/import, applied to pasted or uploaded text. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const importTextSchema = z.object({ text: z.string().trim().min(1, 'Paste the study JSON or choose a .json file.') });
const importWithConsentSchema = importTextSchema.extend({ allowOlder: z.boolean().default(false) });

function refresh(trialId?: string) {
  revalidatePath('/trials');
  if (trialId) revalidatePath(`/trials/${trialId}`);
}

function parseImportText(text: string): unknown {
  if (new TextEncoder().encode(text).byteLength > MAX_IMPORT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The document is larger than 5 MB.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'This is not valid JSON.', {
      fields: { _: ['The text is not valid JSON. Copy the whole API response, from the first { to the last }.'] },
    });
  }
}

export const createTrialAction = defineAction(
  { permission: 'trial.edit', input: trialDraftSchema },
  async ({ input, user, audit }) => {
    const trial = await createTrial({ draft: input, ctx: { user, audit } });
    refresh(trial.id);
    return { id: trial.id };
  },
);

export const updateTrialAction = defineAction(
  { permission: 'trial.edit', input: trialPatchSchema.and(trialIdParamsSchema) },
  async ({ input, user, audit }) => {
    const { id, ...patch } = input;
    const trial = await updateTrial({ id, patch, ctx: { user, audit } });
    refresh(trial.id);
    return { id: trial.id, protocolVersion: trial.protocolVersion.number };
  },
);

export const confirmCriterionRuleAction = defineAction(
  { permission: 'trial.edit', input: confirmCriterionRuleSchema.and(criterionParamsSchema) },
  async ({ input, user, audit }) => {
    const trial = await confirmCriterionRule({
      trialId: input.id,
      criterionId: input.criterionId,
      rule: input.rule,
      clear: input.clear,
      amendmentReason: input.amendmentReason,
      ctx: { user, audit },
    });
    refresh(trial.id);
    return { id: trial.id, protocolVersion: trial.protocolVersion.number };
  },
);

export const confirmArmDosingAction = defineAction(
  { permission: 'trial.edit', input: armParamsSchema.extend(confirmArmDosingSchema.shape) },
  async ({ input, user, audit }) => {
    const trial = await confirmArmDosing({
      trialId: input.id,
      armId: input.armId,
      dosing: input.dosing,
      amendmentReason: input.amendmentReason,
      ctx: { user, audit },
    });
    refresh(trial.id);
    return { id: trial.id, protocolVersion: trial.protocolVersion.number };
  },
);

export const setScreeningWindowAction = defineAction(
  { permission: 'trial.edit', input: trialIdParamsSchema.extend(screeningWindowSchema.shape) },
  async ({ input, user, audit }) => {
    const window = await setScreeningWindow({ trialId: input.id, days: input.days, ctx: { user, audit } });
    refresh(input.id);
    return window;
  },
);

export const confirmAssumptionAction = defineAction(
  { permission: 'trial.edit', input: trialIdParamsSchema.extend(confirmAssumptionSchema.shape) },
  async ({ input, user, audit }) => {
    const { id, ...assumption } = input;
    const trial = await confirmAssumption({ trialId: id, input: assumption, ctx: { user, audit } });
    refresh(trial.id);
    return { id: trial.id };
  },
);

export const previewImportAction = defineAction(
  { permission: 'trial.edit', input: importTextSchema },
  async ({ input }) => {
    return previewImport(parseImportText(input.text));
  },
);

/** The import page's "Fetch from ClinicalTrials.gov": the study's JSON, to preview like pasted text. */
export const fetchRegistryStudyAction = defineAction(
  { permission: 'trial.edit', input: registryStudyRequestSchema },
  async ({ input }) => ({ text: JSON.stringify(await fetchRegistryStudy({ nctId: input.nctId }), null, 2) }),
);

export const importTrialsAction = defineAction(
  { permission: 'trial.edit', input: importWithConsentSchema },
  async ({ input, user, audit }) => {
    const result = await importTrials({
      json: parseImportText(input.text),
      ctx: { user, audit },
      allowOlder: input.allowOlder,
    });
    refresh();
    for (const item of result.results) revalidatePath(`/trials/${item.trialId}`);
    return result;
  },
);
