import type { TrialDraftInput } from '@/lib/validations/trials';
import { KAP_PILOT_SOURCE_FILE, TRIAL_KAP_PILOT } from './trial-kap-pilot';
import { MAYO_KETNEU_SOURCE_FILE, TRIAL_MAYO_KETNEU } from './trial-mayo-ketneu';
import { NCT06419439_SOURCE_FILE, TRIAL_NCT06419439 } from './trial-nct06419439';
import { NCT06668571_SOURCE_FILE, TRIAL_NCT06668571 } from './trial-nct06668571';

// The demo data's trials, transcribed from their public pages so the repository never reads those pages at
// runtime. Each trial lives in its own module; this list is the single entry point the seed script uses.

/** The four seeded trials, in the order they should appear in the demo; the KAP pilot comes from an article. */
export const SEED_TRIALS: TrialDraftInput[] = [
  TRIAL_NCT06419439,
  TRIAL_NCT06668571,
  TRIAL_MAYO_KETNEU,
  TRIAL_KAP_PILOT,
];

/** The page each seeded trial is transcribed from (prisma/seed/data/sources), in SEED_TRIALS order. */
export const SEED_TRIAL_SOURCE_FILES: string[] = [
  NCT06419439_SOURCE_FILE,
  NCT06668571_SOURCE_FILE,
  MAYO_KETNEU_SOURCE_FILE,
  KAP_PILOT_SOURCE_FILE,
];

export { TRIAL_KAP_PILOT, TRIAL_MAYO_KETNEU, TRIAL_NCT06419439, TRIAL_NCT06668571 };
export { VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE } from './va-chronic-pain-coverage';
