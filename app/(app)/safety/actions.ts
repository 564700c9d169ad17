'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/guard';
import { acknowledgeSafetyAlert } from '@/lib/safety/acknowledge-safety-alert';
import { acknowledgeSafetyAlertSchema } from '@/lib/validations/safety';

export const acknowledgeSafetyAlertAction = defineAction(
  {
    permission: 'safety.acknowledge',
    input: acknowledgeSafetyAlertSchema.extend({ alertId: z.string().trim().min(1).max(64) }),
  },
  async ({ input, user, audit, request }) => {
    const result = await acknowledgeSafetyAlert({
      alertId: input.alertId,
      action: input.action,
      ctx: { user, audit, request },
    });
    revalidatePath('/', 'layout');
    return result;
  },
);
