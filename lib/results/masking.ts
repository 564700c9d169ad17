import type { Role } from '@/lib/auth/permissions';

/** The label every participant gets when arms must stay hidden. */
export const POOLED_ARM_LABEL = 'All participants';

/** A masked trial is one whose masking is set and is not NONE. */
export function isMaskedTrial(masking: string | null | undefined): boolean {
  return masking !== null && masking !== undefined && masking !== 'NONE';
}

/** In masked trials only admins (who are not part of the care or assessment team) see results by arm. */
export function canSeeArms(role: Role, masking: string | null | undefined): boolean {
  return !isMaskedTrial(masking) || role === 'ADMIN';
}
