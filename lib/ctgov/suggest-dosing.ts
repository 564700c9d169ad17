import { dosingProtocolSchema, type DosingProtocol } from '@/lib/validations/dosing';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';
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
  readRoutes,
  readSessionCount,
  readSessionsPerWeek,
  readWeeks,
  readWeeksBetween,
  readWeightBasis,
} from './dose-text';

export type SuggestDosingInput = {
  /** The arm's label and description. */
  armText: string;
  /** Name and description of each intervention linked to the arm that is this arm's drug (never another drug's). */
  interventionTexts: string[];
  armType?: z.infer<typeof armTypeSchema> | null;
  /** The study's active drug, used when the text names no known drug (e.g. "Placebo" arms). */
  drugName?: string | null;
  /** Other drugs of the study: arm-text sentences naming one of them are not read for this arm's dose. */
  otherDrugNames?: string[];
  /**
   * The importer sets this: a route the text does not name is never assumed (no suggestion, with a note).
   * Without it the route falls back to the default protocol's, which only hand-written worked examples rely on.
   */
  isRouteRequired?: boolean;
};

/** The open-label window of a placebo arm: its dose is the matched active arm's, filled in by the caller. */
export type PlaceboExtensionWindow = { minDays: number; maxDays: number; isOptional: boolean };

export type DosingSuggestion = {
  dosing: DosingProtocol | null;
  /** Why nothing (or less) was suggested, in words an admin can act on. */
  notes: string[];
  placeboExtension: PlaceboExtensionWindow | null;
  /** False for a placebo arm whose text names no route: only a matched active arm can give it one. */
  isRouteStated: boolean;
};

const SALINE_AS_DILUENT =
  /(?:diluted|dissolved|mixed|prepared|reconstituted|suspended)\s+(?:in|with)\b[^.]{0,40}\bsaline|\bin\s+(?:\d+\s*ml\s+(?:of\s+)?)?(?:0\.9\s*%\s*)?(?:normal\s+)?saline/g;

// Daily or per-meal regimens (tablets, loading-then-daily infusions) are not a series of dosing sessions.
const DAILY_REGIMEN =
  /\b(?:daily|once\s+a\s+day|twice\s+a\s+day|(?:\d|two|three|four)\s*(?:-\s*\d\s*)?times\s+(?:a|per)\s+day|per\s+day|every\s+day|each\s+day|qd|bid|tid|qid|before\s+each\s+meal)\b|\/\s*day\b/;
const OPEN_LABEL = /\bopen[- ]label\b/;

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

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.;])\s+|\n+/).filter((sentence) => sentence.trim() !== '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentions(sentence: string, name: string): boolean {
  return new RegExp(String.raw`(?<![a-z0-9])${escapeRegExp(normalizeDoseText(name))}(?![a-z0-9])`).test(sentence);
}

type Schedule = {
  sessionCount: number;
  sessionsPerWeek: number | null;
  minHoursBetweenSessions?: number;
  maxDaysBetweenSessions?: number;
};

/**
 * Session count and weekly frequency. An explicit count wins; otherwise frequency x weeks.
 * Without any count the suggestion keeps one session, which the admin must check.
 * "Every N weeks" (N > 1) sets sessions N weeks apart and needs a stated count: "every 3 weeks for 12 weeks" may mean 4 or 5.
 */
function readSchedule(text: string, notes: string[]): Schedule | null {
  const count = readSessionCount(text);
  const perWeek = readSessionsPerWeek(text);
  const weeks = readWeeks(text);
  const every = readWeeksBetween(text);
  if (count.isAmbiguous || perWeek.isAmbiguous || weeks.isAmbiguous || every.isAmbiguous) {
    notes.push('the text states more than one session count or frequency');
    return null;
  }
  const [n, f, w, e] = [agreed(count.values), agreed(perWeek.values), agreed(weeks.values), agreed(every.values)];
  if (e !== null && e > 1) {
    if (f !== null || n === null || n < 1 || n > 52) {
      notes.push(
        f !== null
          ? `the text gives both a weekly frequency and "every ${e} weeks"`
          : `"every ${e} weeks" without a number of sessions`,
      );
      return null;
    }
    return {
      sessionCount: n,
      sessionsPerWeek: null,
      minHoursBetweenSessions: e * 7 * 24,
      maxDaysBetweenSessions: e * 7,
    };
  }
  const frequency = f ?? e;
  if (n !== null && frequency !== null && w !== null && n !== frequency * w) {
    notes.push(`${n} sessions does not match ${frequency} a week for ${w} weeks`);
    return null;
  }
  const sessionCount = n ?? (frequency !== null && w !== null ? frequency * w : 1);
  let sessionsPerWeek = frequency;
  // "6 infusions over 2 weeks" states the frequency only implicitly.
  if (sessionsPerWeek === null && n !== null && w !== null && n % w === 0 && n / w > 1) sessionsPerWeek = n / w;
  if (sessionsPerWeek !== null && (sessionsPerWeek < 1 || sessionsPerWeek > 7)) sessionsPerWeek = null;
  if (sessionCount < 1 || sessionCount > 52) return null;
  return { sessionCount, sessionsPerWeek };
}

/** The arm text without sentences about another drug; null (with a note) when a sentence doses this drug and another together. */
function ownArmText(armText: string, input: SuggestDosingInput, notes: string[]): string | null {
  const others = (input.otherDrugNames ?? []).filter((name) => name.trim() !== '');
  if (others.length === 0) return armText;
  const kept: string[] = [];
  for (const sentence of sentencesOf(armText)) {
    const other = others.find((name) => mentions(sentence, name));
    if (other === undefined) {
      kept.push(sentence);
      continue;
    }
    const dose = readDose(sentence);
    const hasDose = dose.mgPerKg !== null || dose.fixedMg !== null || dose.isAmbiguous;
    const ownName = input.drugName ?? 'ketamine';
    if (hasDose && mentions(sentence, ownName)) {
      notes.push(`one sentence gives doses for both ${ownName} and ${other}`);
      return null;
    }
  }
  return kept.join('\n');
}

const none = (notes: string[]): DosingSuggestion => ({
  dosing: null,
  notes,
  placeboExtension: null,
  isRouteStated: false,
});

/**
 * Proposes a dosing protocol from an arm's registry text, with notes saying why when it proposes nothing.
 * Nothing is guessed: two doses, two routes, an unstated route (when required) or a count that contradicts
 * the frequency all mean no suggestion. The result is only ever stored as `suggestedDosing`; an admin confirms it.
 * Fields the text does not state keep `defaultDosingProtocol()` values, except the infusion duration, which is left empty.
 */
export function explainDosing(input: SuggestDosingInput): DosingSuggestion {
  const notes: string[] = [];
  const fullArmText = normalizeDoseText(input.armText);
  const armText = ownArmText(fullArmText, input, notes);
  if (armText === null) return none(notes);
  const interventionText = normalizeDoseText(input.interventionTexts.join('\n'));
  const allText = `${armText}\n${interventionText}`;
  if (DAILY_REGIMEN.test(allText)) {
    const stated = readDose(allText);
    // Only worth a note when there was a dose to read; a daily diet or radiotherapy arm is simply not dosing.
    return none(
      stated.mgPerKg !== null || stated.fixedMg !== null
        ? ['the text describes a daily regimen, not a series of dosing sessions']
        : [],
    );
  }
  const isPlaceboArm =
    input.armType === 'PLACEBO_COMPARATOR' || input.armType === 'SHAM_COMPARATOR' || hasPlaceboCue(armText);
  // A placebo arm's open-label sentences dose the active drug after the blinded part; they are not the placebo's dose.
  const blindedArmText = isPlaceboArm
    ? sentencesOf(armText)
        .filter((sentence) => !OPEN_LABEL.test(sentence))
        .join('\n')
    : armText;
  const armDose = readDose(blindedArmText);
  if (isPlaceboArm && (armDose.mgPerKg !== null || armDose.fixedMg !== null || armDose.isAmbiguous)) {
    return none(['the placebo arm names an active dose (e.g. "ketamine or placebo", or an active placebo)']);
  }
  const dose =
    isPlaceboArm || armDose.isAmbiguous || armDose.mgPerKg !== null || armDose.fixedMg !== null
      ? armDose
      : readDose(interventionText);
  if (dose.isAmbiguous) return none(['the text gives more than one dose, a dose range or an infusion rate']);
  const doseMode = isPlaceboArm
    ? 'PLACEBO'
    : dose.mgPerKg !== null
      ? 'WEIGHT_BASED'
      : dose.fixedMg !== null
        ? 'FIXED'
        : null;
  if (doseMode === null) return none([]);

  const drug = readDrug(allText, input.drugName, isPlaceboArm);
  const schedule = readSchedule(allText, notes);
  const cap = readCap(allText);
  const weightBasis = readWeightBasis(allText);
  if (drug === null) return none(['no drug is named']);
  if (schedule === null) return none(notes);
  if (cap.isAmbiguous) return none(['the text gives more than one maximum dose']);
  if (doseMode === 'WEIGHT_BASED' && weightBasis === null)
    return none(['the text names both ideal and adjusted body weight']);

  const routes = readRoutes(allText);
  if (routes.unsupported !== null)
    return none([`the route is ${routes.unsupported}, which a TrialDesk dosing protocol cannot hold`]);
  if (routes.isAmbiguous) return none(['the text names more than one route']);
  const route = routes.route ?? (input.isRouteRequired ? null : (readRoute(allText) ?? defaultDosingProtocol().route));
  // A placebo arm takes its route from the active arm it mimics (see matchPlaceboArms).
  if (route === null && !isPlaceboArm)
    return none(['the text names no route (IV, IM, oral, intranasal, subcutaneous)']);

  const base = defaultDosingProtocol();
  const extension = readOpenLabelExtension(allText);
  const candidate: DosingProtocol = {
    ...base,
    drug,
    route: route ?? base.route,
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
  if (!parsed.success)
    return none([`the values read do not form a valid protocol (${parsed.error.issues[0]?.message ?? 'invalid'})`]);
  return {
    dosing: parsed.data,
    notes: [],
    isRouteStated: route !== null,
    placeboExtension:
      doseMode === 'PLACEBO' && extension !== null
        ? { minDays: extension.minDays, maxDays: extension.maxDays, isOptional: extension.isOptional }
        : null,
  };
}

/** explainDosing without the notes. */
export function suggestDosing(input: SuggestDosingInput): DosingProtocol | null {
  return explainDosing(input).dosing;
}
