'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/guard';
import { emergencyUnblind, reviewUnblinding } from '@/lib/blinding/emergency-unblind';
import { setUnblindedStaff } from '@/lib/blinding/unblinded-staff';
import { emergencyUnblindSchema, setUnblindedStaffSchema } from '@/lib/validations/blinding';

const idSchema = z.string().trim().min(1).max(64);

export const setUnblindedStaffAction = defineAction(
  { permission: 'blinding.manage', input: setUnblindedStaffSchema.extend({ trialId: idSchema }) },
  async ({ input: { trialId, ...input }, user, audit, request }) => {
    const list = await setUnblindedStaff({ trialId, input, ctx: { user, audit, request } });
    revalidatePath(`/trials/${trialId}`);
    return { count: list.staff.length };
  },
);

export const emergencyUnblindAction = defineAction(
  { permission: 'blinding.emergency_unblind', input: emergencyUnblindSchema.extend({ enrollmentId: idSchema }) },
  async ({ input, user, audit, request }) => {
    const result = await emergencyUnblind({
      enrollmentId: input.enrollmentId,
      reason: input.reason,
      ctx: { user, audit, request },
    });
    revalidatePath('/', 'layout');
    return result;
  },
);

export const reviewUnblindingAction = defineAction(
  { permission: 'blinding.manage', input: z.object({ id: idSchema }) },
  async ({ input, user, audit, request }) => {
    const result = await reviewUnblinding({ id: input.id, ctx: { user, audit, request } });
    revalidatePath('/');
    return result;
  },
);
