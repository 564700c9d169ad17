import { defaultDosingProtocol, dosingProtocolSchema, type DosingProtocol } from '@/lib/validations/dosing';
import type { z } from 'zod';
import type { armTypeSchema } from '@/lib/validations/trials';
import {
  agreed,
  normalizeDoseText,
  readCap,
  readDose,
  readInfusionMinutes,
  readMinHoursBetween,
  readOpenLabelExtension,
  readRoute,
  readSessionCount,
  readSessionsPerWeek,
  readWeeks,
  readWeightBasis,
} from './dose-text';

export type SuggestDosingInput = {
  /** The arm's label and description. */
  armText: string;
  /** Name and description of each intervention linked to the arm. */
  interventionTexts: string[];
  armType?: z.infer<typeof armTypeSchema> | null;
  /** The study's active drug, used when the text names no known drug (e.g. "Placebo" arms). */
  drugName?: string | null;
};

const SALINE_AS_DILUENT = /(?:diluted|dissolved|mixed|prepared|reconstituted|suspended)\s+(?:in|with)\b[^.]{0,40}\bsaline|\bin\s+(?:\d+\s*ml\s+(?:of\s+)?)?(?:0\.9\s*%\s*)?(?:normal\s+)?saline/g;

// Daily or per-meal regimens (tablets, loading-then-daily infusions) are not a series of dosing sessions.
const DAILY_REGIMEN =
  /\b(?:daily|once\s+a\s+day|twice\s+a\s+day|(?:\d|two|three|four)\s*(?:-\s*\d\s*)?times\s+(?:a|per)\s+day|per\s+day|every\s+day|each\s+day|qd|bid|tid|qid|before\s+each\s+meal)\b|\/\s*day\b/;

function hasPlaceboCue(text: string): boolean {
  return /\bplacebo\b/.test(text) || /\bsaline\b/.test(text.replace(SALINE_AS_DILUENT, ' '));
}

function readDrug(text: string, drugName: string | null | undefined, isPlacebo: boolean): string | null {
  if (/\besketamine\b/.test(text)) return 'esketamine';
  if (/\bketamine\b/.test(text)) return 'ketamine';
  const named = drugName?.trim().slice(0, 100) ?? '';
  if (named !== '') return named;
  return isPlacebo ? 'placebo' : null;
}

type Schedule = { sessionCount: number; sessionsPerWeek: number | null };

/**
 * Session count and weekly frequency. An explicit count wins; otherwise frequency x weeks.
 * Without any count the suggestion keeps one session, which the admin must check.
 */
function readSchedule(text: string): Schedule | null {
  const count = readSessionCount(text);
  const perWeek = readSessionsPerWeek(text);
  const weeks = readWeeks(text);
  if (count.isAmbiguous || perWeek.isAmbiguous || weeks.isAmbiguous) return null;
  const [n, f, w] = [agreed(count.values), agreed(perWeek.values), agreed(weeks.values)];
  if (n !== null && f !== null && w !== null && n !== f * w) return null;
  const sessionCount = n ?? (f !== null && w !== null ? f * w : 1);
  let sessionsPerWeek = f;
  // "6 infusions over 2 weeks" states the frequency only implicitly.
  if (sessionsPerWeek === null && n !== null && w !== null && n % w === 0 && n / w > 1) sessionsPerWeek = n / w;
  if (sessionsPerWeek !== null && (sessionsPerWeek < 1 || sessionsPerWeek > 7)) sessionsPerWeek = null;
  if (sessionCount < 1 || sessionCount > 52) return null;
  return { sessionCount, sessionsPerWeek };
}

/**
 * Proposes a dosing protocol from an arm's registry text, or null when the text gives no dose
 * (or contradicts itself). The result is only ever stored as `suggestedDosing`; an admin confirms it.
 * Fields the text does not state keep `defaultDosingProtocol()` values, except the infusion
 * duration, which is left empty rather than assumed.
 */
export function suggestDosing(input: SuggestDosingInput): DosingProtocol | null {
  const armText = normalizeDoseText(input.armText);
  const interventionText = normalizeDoseText(input.interventionTexts.join('\n'));
  const allText = `${armText}\n${interventionText}`;
  if (DAILY_REGIMEN.test(allText)) return null;
  const armDose = readDose(armText);
  const isPlaceboArm = input.armType === 'PLACEBO_COMPARATOR' || input.armType === 'SHAM_COMPARATOR' || hasPlaceboCue(armText);
  if (isPlaceboArm && (armDose.mgPerKg !== null || armDose.fixedMg !== null || armDose.isAmbiguous)) return null; // e.g. "ketamine 0.5 mg/kg or placebo"
  const dose = isPlaceboArm || armDose.isAmbiguous || armDose.mgPerKg !== null || armDose.fixedMg !== null ? armDose : readDose(interventionText);
  if (dose.isAmbiguous) return null;
  const doseMode = isPlaceboArm ? 'PLACEBO' : dose.mgPerKg !== null ? 'WEIGHT_BASED' : dose.fixedMg !== null ? 'FIXED' : null;
  if (doseMode === null) return null;

  const drug = readDrug(allText, input.drugName, isPlaceboArm);
  const schedule = readSchedule(allText);
  const cap = readCap(allText);
  const weightBasis = readWeightBasis(allText);
  if (drug === null || schedule === null || cap.isAmbiguous) return null;
  if (doseMode === 'WEIGHT_BASED' && weightBasis === null) return null;

  const base = defaultDosingProtocol();
  const extension = readOpenLabelExtension(allText);
  const candidate: DosingProtocol = {
    ...base,
    drug,
    route: readRoute(armText) ?? readRoute(interventionText) ?? base.route,
    doseMode,
    mgPerKg: doseMode === 'WEIGHT_BASED' ? dose.mgPerKg : null,
    weightBasis: doseMode === 'WEIGHT_BASED' ? weightBasis : null,
    fixedMg: doseMode === 'FIXED' ? dose.fixedMg : null,
    // A cap only limits a weight-based dose.
    maxMgPerSession: doseMode === 'WEIGHT_BASED' ? agreed(cap.values) : null,
    infusionMinutes: readInfusionMinutes(allText),
    minHoursBetweenSessions: readMinHoursBetween(allText),
    ...schedule,
    extension:
      extension === null || doseMode === 'PLACEBO'
        ? null
        : {
            label: extension.isOptional ? 'Optional open-label infusion' : 'Open-label infusion',
            isOptional: extension.isOptional,
            minDaysAfterLastSession: extension.minDays,
            maxDaysAfterLastSession: extension.maxDays,
            mgPerKg: doseMode === 'WEIGHT_BASED' ? dose.mgPerKg : null,
            fixedMg: doseMode === 'FIXED' ? dose.fixedMg : null,
            isOpenLabel: true,
          },
  };
  const parsed = dosingProtocolSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
