/** The label every participant gets when arms must stay hidden. */
export const POOLED_ARM_LABEL = 'All participants';

// Who may see results by arm is the blinding policy's to decide (lib/blinding/policy.ts).
export { isMaskedTrial } from '@/lib/blinding/policy';
