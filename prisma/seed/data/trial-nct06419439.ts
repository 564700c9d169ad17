import { NCT06419439_DOSING } from '@/lib/validations/dosing';
import type { TrialDraftInput } from '@/lib/validations/trials';
import {
  ASSUMED_WINDOW,
  CLINIC_DOSE_DEFAULTS,
  assumed,
  exclusion,
  inclusion,
  sourced,
  type SeedPlanItem,
} from './build-criterion';
import { VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE } from './va-chronic-pain-coverage';

// Source: the ClinicalTrials.gov record for NCT06419439 as republished by TrialFinderData
// (sources/000_daa3d70d3aea31fa.txt). Criterion wording is the "Original Eligibility Criteria" text, with the page's
// markdown escapes ("\>", "\<") removed. The page names no principal investigator, no dates and no masking.
export const NCT06419439_SOURCE_FILE = '000_daa3d70d3aea31fa.txt';

const DRUG_TEXT =
  'Participants in Arms 1, 2, and 3 will receive four twice-weekly ketamine hydrochloride intravenous infusions dosed at 0.5mg/kg.';

// Every arm gets the same infusions; "0.5mg/kg" names no body weight and "twice-weekly" no spacing.
const DOSING_PROVENANCE = sourced(
  DRUG_TEXT,
  assumed(
    'weightBasis',
    'The page says "0.5mg/kg" without the body weight it is calculated on: actual body weight is assumed.',
  ),
  assumed('minHoursBetweenSessions', '"Twice-weekly" gives no spacing: at least 48 h apart is the clinic default.'),
  assumed('maxDaysBetweenSessions', '"Twice-weekly" gives no spacing: at most 7 days apart is the clinic default.'),
  ...CLINIC_DOSE_DEFAULTS,
);

const INSTRUMENT_QUOTES: Record<(typeof TRACKED_INSTRUMENTS)[number], string> = {
  NRS: '4/10 in severity via NRS',
  PROMIS_PI: 'T-score 60 on the PROMIS Pain Interference measure',
  QIDS_SR16: 'Quick Inventory of Depressive Symptoms - Self Report (QIDS-SR)',
};
const ASSUMED_TIMEPOINT = assumed(
  'timepoint',
  'The page states no assessment schedule: the clinic tracks the eligibility measures at baseline, after the ' +
    'series and at follow-up within the four-month study duration.',
);

/** A plan item for an instrument the page names (in its criteria) at a timepoint it does not. */
function tracked(item: Omit<SeedPlanItem, 'provenance'> & { instrument: (typeof TRACKED_INSTRUMENTS)[number] }) {
  return { ...item, provenance: sourced(INSTRUMENT_QUOTES[item.instrument], ASSUMED_TIMEPOINT, ASSUMED_WINDOW) };
}

const TRACKED_INSTRUMENTS = ['NRS', 'PROMIS_PI', 'QIDS_SR16'] as const;

const ARM_OPEN_LABEL = 'Arm 1: Open-label pilot';
const ARM_NARRATIVE = 'Arm 2: Pilot RCT, brief narrative intervention';
const ARM_USUAL_CARE = 'Arm 3: Pilot RCT, minimally enhanced usual care';

export const TRIAL_NCT06419439: TrialDraftInput = {
  nctId: 'NCT06419439',
  protocolNumber: null,
  title: 'Ketamine-assisted Integrative Treatment for Veterans With Chronic Low Back Pain and Comorbid Depression',
  shortTitle: 'Ketamine + narrative intervention for CLBP and depression (Veterans)',
  phases: ['PHASE2'],
  overallStatus: 'RECRUITING',
  studyType: 'INTERVENTIONAL',
  // Arms 2 and 3 form a pilot RCT (participants are randomized after the infusions); masking is not stated.
  allocation: 'RANDOMIZED',
  masking: null,
  leadSponsor: 'VA Office of Research and Development',
  collaborators: [],
  principalInvestigator: null,
  sites: [
    { facility: 'VA Ann Arbor Healthcare System', city: 'Ann Arbor', state: 'Michigan', country: 'United States' },
  ],
  conditions: ['Chronic Low Back Pain', 'Depression'],
  targetEnrollment: 44,
  startDate: null,
  completionDate: null,
  briefSummary:
    'This is a pilot study to evaluate the feasibility, acceptability, and safety of ketamine infusions followed by a ' +
    'brief behavioral intervention in Veterans with chronic low back pain and depression. All participants receive four ' +
    'twice-weekly intravenous ketamine hydrochloride infusions dosed at 0.5 mg/kg. Participants in the open-label pilot ' +
    '(Arm 1) then receive a brief narrative intervention; in the pilot randomized trial, participants randomized after ' +
    'the infusions receive either the brief narrative intervention plus minimally enhanced usual care (Arm 2) or ' +
    'minimally enhanced usual care alone (Arm 3).',
  coverageNote: VA_KETAMINE_CHRONIC_PAIN_COVERAGE_NOTE,
  arms: [
    {
      label: ARM_OPEN_LABEL,
      type: 'EXPERIMENTAL',
      description:
        'Four twice-weekly ketamine infusions followed by the brief narrative intervention (open-label pilot).',
      // The open-label pilot enrols before, and outside, the randomization; the weight only matters for Arms 2 and 3.
      allocationWeight: 1,
      dosing: NCT06419439_DOSING,
      dosingProvenance: DOSING_PROVENANCE,
    },
    {
      label: ARM_NARRATIVE,
      type: 'EXPERIMENTAL',
      description:
        'Four twice-weekly ketamine infusions; randomized after the infusions to the active arm of the pilot RCT: ' +
        'brief narrative intervention plus minimally enhanced usual care.',
      allocationWeight: 1,
      dosing: NCT06419439_DOSING,
      dosingProvenance: DOSING_PROVENANCE,
    },
    {
      label: ARM_USUAL_CARE,
      type: 'ACTIVE_COMPARATOR',
      description:
        'Four twice-weekly ketamine infusions; randomized after the infusions to minimally enhanced usual care ' +
        '(educational reading materials regarding chronic back pain and depression).',
      allocationWeight: 1,
      dosing: NCT06419439_DOSING,
      dosingProvenance: DOSING_PROVENANCE,
    },
  ],
  interventions: [
    {
      type: 'DRUG',
      name: 'Ketamine hydrochloride',
      description: DRUG_TEXT,
      armLabels: [ARM_OPEN_LABEL, ARM_NARRATIVE, ARM_USUAL_CARE],
    },
    {
      type: 'BEHAVIORAL',
      name: 'Minimally Enhanced Usual Care',
      description:
        'Minimally Enhanced Usual Care will consist of educational reading materials regarding chronic back pain and ' +
        'depression and will be provided to participants in arms 2 and 3 (pilot RCT).',
      armLabels: [ARM_NARRATIVE, ARM_USUAL_CARE],
    },
    {
      type: 'BEHAVIORAL',
      name: 'Brief narrative intervention',
      description:
        'Participants in Arm 1 (open label pilot) will receive the brief narrative intervention after four ketamine ' +
        'infusions. Participants in Arm 2 (those randomized after ketamine infusions are complete to the active arm of ' +
        'the pilot RCT) will receive the brief narrative intervention.',
      armLabels: [ARM_OPEN_LABEL, ARM_NARRATIVE],
    },
  ],
  criteria: [
    // The page lost the registry's "≥" signs ("4/10", "T-score 60", "a score 11"); the text shown restores them and
    // the page's own wording stays as the quote. "Moderate to severe" and "high impact" only make sense as lower
    // bounds, so the thresholds are inclusive (gte).
    inclusion(
      'Veterans with self-report of moderate to severe, high impact chronic low back pain (defined as ≥ 4/10 in severity via NRS, present 3 months on most days) and associated pain interference (defined as T-score ≥ 60 on the PROMIS Pain Interference measure), and current significant depressive symptoms (defined as a score ≥ 11 on the Quick Inventory of Depressive Symptoms - Self Report (QIDS-SR).',
      {
        kind: 'all',
        rules: [
          // Veteran status does not lapse: a ten-year window (assumed; no page states one) instead of the screening window.
          { kind: 'fact', fact: 'veteran', equals: true, withinDays: 3650 },
          // Chronicity (present 3 months on most days) is part of the chronic low back pain diagnosis.
          { kind: 'diagnosis', anyOf: ['chronic_low_back_pain'] },
          { kind: 'number', measure: 'nrs_pain', op: 'gte', value: 4 },
          { kind: 'number', measure: 'promis_pi_t', op: 'gte', value: 60 },
          { kind: 'number', measure: 'qids_sr_total', op: 'gte', value: 11 },
        ],
      },
      {
        quote:
          'Veterans with self-report of moderate to severe, high impact chronic low back pain (defined as 4/10 in severity via NRS, present 3 months on most days) and associated pain interference (defined as T-score 60 on the PROMIS Pain Interference measure), and current significant depressive symptoms (defined as a score 11 on the Quick Inventory of Depressive Symptoms - Self Report (QIDS-SR).',
      },
    ),
    inclusion('Medically stable (no hospitalizations in the past month lasting ≥ 3 days).', null, {
      quote: 'Medically stable (no hospitalizations in the past month lasting 3 days).',
    }),
    inclusion('No changes in pain or depression medication regimen in 4 weeks.', null),
    inclusion(
      'No planned surgery, injections, hospitalizations, or other new interventions for back pain (except for physical therapy or exercise) or depression during the next four months (study duration).',
      null,
    ),
    inclusion('Participants must have an adult who can drive them home after the ketamine treatments.', {
      kind: 'fact',
      fact: 'adult_driver_available',
      equals: true,
    }),
    exclusion('Inability to speak English due to the narrative intervention being conducted in English.', {
      kind: 'fact',
      fact: 'speaks_english',
      equals: false,
      // Language ability is stable: a ten-year window (assumed) instead of the screening window.
      withinDays: 3650,
    }),
    exclusion('Inability or unwillingness to provide written informed consent (e.g. current delirium).', {
      kind: 'fact',
      fact: 'able_to_consent',
      equals: false,
    }),
    exclusion(
      'Current psychotic symptoms, or history of schizophrenia, schizoaffective disorder, and other psychotic disorder.',
      null,
    ),
    exclusion('Currently participating in another clinical trial for pain or depression.', null),
    exclusion(
      'Current uncontrolled hypertension (defined as systolic blood pressure >160 mmHg and/or diastolic blood pressure >100 mmHg).',
      {
        kind: 'any',
        rules: [
          { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
          { kind: 'number', measure: 'dbp', op: 'gt', value: 100 },
        ],
      },
    ),
    exclusion(
      'Known elevated intracranial pressure, cerebral arterial aneurysm, or elevated intraocular pressure.',
      null,
    ),
    // "History of cirrhosis" reaches back (a ten-year window, assumed); "unstable cardiac condition" is a current
    // state, so it keeps the screening window. One criterion, as on the page; the rule carries the two windows.
    exclusion('History of cirrhosis or unstable cardiac condition (e.g., decompensated congestive heart failure).', {
      kind: 'any',
      rules: [
        { kind: 'diagnosis', anyOf: ['cirrhosis'], withinDays: 3650 },
        { kind: 'diagnosis', anyOf: ['unstable_cardiac_condition'] },
      ],
    }),
    // The registry item is split at its semicolon: the ULN clause is unambiguous, while "TSH <2x lower limit of
    // normal" would, read literally, exclude low-normal TSH values, so that clause goes to a clinician.
    exclusion(
      'Any of the following lab values >2x upper limit of normal: alanine transaminase (ALT), aspartate transferase (AST), direct bilirubin, alkaline phosphatase, creatinine;',
      {
        kind: 'any',
        rules: [
          { kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 2 },
          { kind: 'lab', lab: 'ast', reference: 'uln', op: 'gt', value: 2 },
          { kind: 'lab', lab: 'bilirubin_direct', reference: 'uln', op: 'gt', value: 2 },
          { kind: 'lab', lab: 'alk_phos', reference: 'uln', op: 'gt', value: 2 },
          { kind: 'lab', lab: 'creatinine', reference: 'uln', op: 'gt', value: 2 },
        ],
      },
    ),
    exclusion('thyroid stimulating hormone (TSH) <2x lower limit of normal or >2x upper limit of normal.', null),
    exclusion(
      'Positive urine pregnancy test or lack of birth control method in Veterans of childbearing potential.',
      null,
    ),
    exclusion('Known hypersensitivity to any excipient in the ketamine injection formulation.', null),
    exclusion('Previously experienced serious adverse effects with ketamine.', null),
    exclusion(
      'On day of ketamine infusions, a urine drug screen positive for non-prescribed substances(s) (except cannabis) will exclude a participant from receiving ketamine',
      null,
    ),
    exclusion('Current or previous abuse of ketamine.', null),
  ],
  // The page states the study's aims (feasibility, acceptability, safety) but not its registered outcome measures.
  outcomes: [
    {
      kind: 'PRIMARY',
      measure: 'Feasibility',
      description:
        'Feasibility of ketamine infusions followed by a brief behavioral intervention in Veterans with chronic low back pain and depression.',
      timeFrame: 'Study duration (four months)',
    },
    {
      kind: 'PRIMARY',
      measure: 'Acceptability',
      description: 'Acceptability of ketamine infusions followed by a brief behavioral intervention to participants.',
      timeFrame: 'Study duration (four months)',
    },
    {
      kind: 'PRIMARY',
      measure: 'Safety',
      description: 'Adverse events during and after the ketamine infusions.',
      timeFrame: 'Study duration (four months)',
    },
  ],
  // Pain intensity, pain interference and depression are the measures that define eligibility, tracked from
  // baseline through follow-up; CADSS after every infusion supports the safety aim (dissociation).
  // The page states no schedule: every timepoint and window below is the clinic's, marked as an assumption.
  // Pain intensity, pain interference and depression define eligibility and are tracked from baseline through
  // follow-up; CADSS after every infusion supports the safety aim (dissociation). Day 90 keeps the last visit inside
  // the four-month study duration the page states.
  assessmentPlan: [
    ...TRACKED_INSTRUMENTS.map((instrument) =>
      tracked({ instrument, timepoint: { kind: 'BASELINE' }, windowBeforeDays: 14, windowAfterDays: 0 }),
    ),
    ...[1, 2, 3, 4].map((session) => ({
      instrument: 'CADSS' as const,
      timepoint: { kind: 'AFTER_SESSION' as const, session },
      windowBeforeDays: 0,
      windowAfterDays: 0,
      provenance: sourced(
        'evaluate the feasibility, acceptability, and safety of ketamine infusions',
        assumed(
          'instrument',
          "The page names no dissociation measure: CADSS is the clinic's choice for the safety aim.",
        ),
        assumed('timepoint', 'Not stated: CADSS right after each infusion.'),
        ASSUMED_WINDOW,
      ),
    })),
    ...TRACKED_INSTRUMENTS.map((instrument) =>
      tracked({
        instrument,
        timepoint: { kind: 'AFTER_SESSION', session: 4 },
        windowBeforeDays: 0,
        windowAfterDays: 2,
      }),
    ),
    ...TRACKED_INSTRUMENTS.map((instrument) =>
      tracked({
        instrument,
        timepoint: { kind: 'DAYS_AFTER_LAST_SESSION', days: 30 },
        windowBeforeDays: 7,
        windowAfterDays: 7,
      }),
    ),
    ...TRACKED_INSTRUMENTS.map((instrument) =>
      tracked({
        instrument,
        timepoint: { kind: 'DAYS_AFTER_LAST_SESSION', days: 90 },
        windowBeforeDays: 14,
        windowAfterDays: 7,
      }),
    ),
  ],
};
