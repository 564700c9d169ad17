import type { Trial } from '@/lib/generated/prisma/client';
import type { TrialLevelAssumptionSource } from './list-assumptions';

/**
 * Trial-level values that can be clinic assumptions, listed in the trial page's Assumptions panel beside the
 * protocol's own. Each keeps its value and confirmation on the Trial row and is confirmed by its own audited
 * action; add one entry per such value here (the screening window is the first planned one).
 */
export const TRIAL_LEVEL_ASSUMPTION_SOURCES: ReadonlyArray<TrialLevelAssumptionSource<Trial>> = [];
