'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/guard';
import { addChair } from '@/lib/clinic/add-chair';
import { addClosure } from '@/lib/clinic/add-closure';
import { removeClosure } from '@/lib/clinic/remove-closure';
import { updateChair } from '@/lib/clinic/update-chair';
import { updateClinicSettings } from '@/lib/clinic/update-clinic-settings';
import {
  chairCreateSchema,
  chairPatchSchema,
  clinicUpdateSchema,
  closureAddSchema,
  idParamsSchema,
} from '@/lib/validations/infusions';

// Clinic setup writes (clinic.manage). Each parses with the API's schema, calls one
// lib function and refreshes the pages that read the settings.

function refresh() {
  revalidatePath('/admin/clinic');
  revalidatePath('/schedule');
}

export const updateClinicSettingsAction = defineAction(
  { permission: 'clinic.manage', input: clinicUpdateSchema },
  async ({ input, user, audit, request }) => {
    const settings = await updateClinicSettings({ input, ctx: { user, audit, request } });
    refresh();
    return { updatedAt: settings.updatedAt };
  },
);

export const addClosureAction = defineAction(
  { permission: 'clinic.manage', input: closureAddSchema },
  async ({ input, user, audit, request }) => {
    const result = await addClosure({ input, ctx: { user, audit, request } });
    refresh();
    return result;
  },
);

export const removeClosureAction = defineAction(
  { permission: 'clinic.manage', input: idParamsSchema },
  async ({ input, user, audit, request }) => {
    const result = await removeClosure({ id: input.id, ctx: { user, audit, request } });
    refresh();
    return result;
  },
);

export const addChairAction = defineAction(
  { permission: 'clinic.manage', input: chairCreateSchema },
  async ({ input, user, audit, request }) => {
    const chair = await addChair({ input, ctx: { user, audit, request } });
    refresh();
    return chair;
  },
);

export const updateChairAction = defineAction(
  { permission: 'clinic.manage', input: z.object({ id: idParamsSchema.shape.id, patch: chairPatchSchema }) },
  async ({ input, user, audit, request }) => {
    const result = await updateChair({ id: input.id, input: input.patch, ctx: { user, audit, request } });
    refresh();
    return result;
  },
);
