import { z } from 'zod';
import { MAX_ACTION_LENGTH } from '@/lib/safety/policy';

export const safetyAlertListQuerySchema = z.object({
  status: z.enum(['open', 'acknowledged'], 'Use status=open or status=acknowledged').default('open'),
  enrollmentId: z.string().trim().min(1).max(64).optional(),
});

/** POST /api/v1/safety-alerts/{id}/acknowledge */
export const acknowledgeSafetyAlertSchema = z.object({
  action: z
    .string('Say what you did about this alert')
    .trim()
    .min(1, 'Say what you did about this alert')
    .max(MAX_ACTION_LENGTH, `At most ${MAX_ACTION_LENGTH} characters`),
});

export const safetyAlertIdParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });
