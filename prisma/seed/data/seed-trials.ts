import type { TrialDraftInput } from '@/lib/validations/trials';
import { TRIAL_MAYO_KETNEU } from './trial-mayo-ketneu';
import { TRIAL_NCT06419439 } from './trial-nct06419439';
import { TRIAL_NCT06668571 } from './trial-nct06668571';

// The demo data's trials, transcribed from their public pages so the repository never reads those pages at
// runtime. Each trial lives in its own module; this list is the single entry point the seed script uses.

/** The three seeded trials, in the order they should appear in the demo. */
export const SEED_TRIALS: TrialDraftInput[] = [TRIAL_NCT06419439, TRIAL_NCT06668571, TRIAL_MAYO_KETNEU];

export { TRIAL_MAYO_KETNEU, TRIAL_NCT06419439, TRIAL_NCT06668571 };
export { VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE } from './va-chronic-pain-coverage';
