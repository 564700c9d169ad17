import { z } from 'zod';
import { MAX_UNBLINDED_STAFF } from '@/lib/blinding/limits';

const idSchema = z.string().trim().min(1).max(64);

/** PUT /api/v1/trials/{id}/unblinded-staff: the full list, replacing the current one. */
export const setUnblindedStaffSchema = z.object({
  userIds: z
    .array(idSchema, 'Send the list of user ids (it may be empty)')
    .max(MAX_UNBLINDED_STAFF, `Name at most ${MAX_UNBLINDED_STAFF} people`)
    .refine((ids) => new Set(ids).size === ids.length, 'A person is listed twice'),
});

/** POST /api/v1/enrollments/{id}/unblind */
export const emergencyUnblindSchema = z.object({
  reason: z
    .string('Say why the blind must be broken')
    .trim()
    .min(10, 'Say why the blind must be broken (at least 10 characters)')
    .max(1000, 'At most 1000 characters'),
});

export const blindingIdParamsSchema = z.object({ id: idSchema });

export type SetUnblindedStaffInput = z.output<typeof setUnblindedStaffSchema>;
