'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/guard';
import { createCandidate } from '@/lib/candidates/create-candidate';
import { logContact } from '@/lib/candidates/log-contact';
import { movePipeline } from '@/lib/pipeline/move-pipeline';
import { updateCandidate } from '@/lib/candidates/update-candidate';
import {
  candidateIdParamsSchema,
  candidateInputSchema,
  candidatePatchSchema,
  contactAttemptSchema,
  pipelineMoveSchema,
} from '@/lib/validations/candidates';

// The candidate screens' writes. Each parses with the API's own schema (plus the
// candidate id), calls one lib function and refreshes the pages that show it.

const candidateId = candidateIdParamsSchema.shape.id;

function refresh(id?: string) {
  revalidatePath('/candidates');
  revalidatePath('/review');
  revalidatePath('/');
  if (id) revalidatePath(`/candidates/${id}`);
}

export const createCandidateAction = defineAction(
  { permission: 'candidate.edit', input: candidateInputSchema },
  async ({ input, user, audit }) => {
    const candidate = await createCandidate({ input, ctx: { user, audit } });
    refresh(candidate.id);
    return { id: candidate.id };
  },
);

export const updateCandidateAction = defineAction(
  { permission: 'candidate.edit', input: candidatePatchSchema.extend({ candidateId }) },
  async ({ input: { candidateId: id, ...input }, user, audit }) => {
    const candidate = await updateCandidate({ id, input, ctx: { user, audit } });
    refresh(id);
    return { id, version: candidate.version };
  },
);

export const movePipelineAction = defineAction(
  { permission: 'pipeline.move', input: pipelineMoveSchema.extend({ candidateId }) },
  async ({ input: { candidateId: id, ...input }, user, audit }) => {
    const result = await movePipeline({ candidateId: id, input, ctx: { user, audit } });
    refresh(id);
    return result;
  },
);

export const logContactAction = defineAction(
  // safeExtend keeps the schema's cross-field check (follow-up not before the contact).
  { permission: 'contact.log', input: contactAttemptSchema.safeExtend({ candidateId }) },
  async ({ input: { candidateId: id, ...input }, user, audit }) => {
    await logContact({ candidateId: id, input, ctx: { user, audit } });
    refresh(id);
    return { candidateId: id };
  },
);
