import { dosingProtocolSchema, type DosingProtocol } from '@/lib/validations/dosing';
import type { TrialDraftInput } from '@/lib/validations/trials';
import { ASSUMED_WINDOW, QUOTE_JOIN, assumed, inclusion, sourced, type SeedPlanItem } from './build-criterion';

// Source: Innerbloom Ketamine Therapy's article "Ketamine-Assisted Psychotherapy for Chronic Pain and Depression:
// A Promising New Pilot Study" (sources/004_dc7734c5670ac6b7.txt), which reports a ten-person pilot of two KAP
// approaches. It names no registry id, sponsor, site, dates, allocation method, exclusions or doses: the doses
// below are placeholders marked as unconfirmed assumptions, so the demo calculates none until an admin confirms.
export const KAP_PILOT_SOURCE_FILE = '004_dc7734c5670ac6b7.txt';

const ARM_IM = 'Psychedelic group (intramuscular)';
const ARM_ORAL = 'Psycholytic group (oral lozenge)';

const ROUTES_TEXT =
  'Routes of ketamine administration were intramuscular (psychedelic group) and oral lozenges (psycholytic group).';
const ESCALATION_TEXT =
  'Those in the psychedelic group received two injections per session with escalating dosages in subsequent ' +
  'sessions, while those in the psycholytic group received oral lozenges with escalating dosages in subsequent sessions.';
const SESSIONS_TEXT = 'Participants underwent a total of six medicine sessions.';
const ELIGIBILITY_TEXT =
  'Ten adults with a prior diagnosis of major depressive disorder and a comorbid chronic pain condition were ' +
  'selected to participate in the study.';
const SURVEYS_TEXT =
  'Participants completed various surveys throughout their treatment, including the Beck Depression Inventory (BDI), ' +
  'Brief Pain Inventory (BPI) Short Form, Generalized Anxiety Disorder (GAD-7) Scale, and Post-Traumatic Stress ' +
  'Disorder Checklist (PCL-5)';
const PAIN_TIMEPOINTS_TEXT = 'measured at baseline and after sessions 1, 3, and 6';

const NO_DOSES = 'The article states no dose for any session: ';
const SPACING = assumed('sessionsPerWeek', 'The article gives no spacing: at most one session a week is assumed.');

/** Six escalating intramuscular sessions (two injections each; the mg/kg is the session's total). */
const IM_DOSING: DosingProtocol = dosingProtocolSchema.parse({
  drug: 'ketamine',
  route: 'IM',
  doseMode: 'WEIGHT_BASED',
  mgPerKg: 0.5,
  weightBasis: 'ACTUAL',
  fixedMg: null,
  maxMgPerSession: null,
  roundingIncrementMg: 0.1,
  infusionMinutes: null,
  concentrationMgPerMl: null,
  diluentVolumeMl: null,
  sessionCount: 6,
  sessionsPerWeek: 1,
  minHoursBetweenSessions: null,
  maxDaysBetweenSessions: null,
  weightWindowDays: 7,
  doseSteps: [0.5, 0.6, 0.7, 0.8, 0.9, 1].map((mgPerKg, index) => ({
    sessionNumber: index + 1,
    mgPerKg,
    fixedMg: null,
  })),
  extension: null,
});

/** Six escalating oral-lozenge sessions, a fixed mg per session. */
const ORAL_DOSING: DosingProtocol = dosingProtocolSchema.parse({
  ...IM_DOSING,
  route: 'PO',
  doseMode: 'FIXED',
  mgPerKg: null,
  weightBasis: null,
  fixedMg: 100,
  doseSteps: [100, 125, 150, 175, 200, 225].map((fixedMg, index) => ({
    sessionNumber: index + 1,
    mgPerKg: null,
    fixedMg,
  })),
});

const DOSE_ASSUMPTIONS = [
  assumed('mgPerKg', `${NO_DOSES}0.5 mg/kg is a placeholder.`),
  assumed('doseSteps', `${NO_DOSES}the escalation per session (0.5 to 1.0 mg/kg) is a placeholder.`),
  assumed('weightBasis', `${NO_DOSES}actual body weight is a placeholder.`),
  assumed('doseMode', `${NO_DOSES}a weight-based dose is a placeholder.`),
  assumed('roundingIncrementMg', 'Not stated: doses are rounded to 0.1 mg, the clinic default.'),
  assumed('weightWindowDays', 'Not stated: the weight must be from the last 7 days, the clinic default.'),
  SPACING,
];
const ORAL_DOSE_ASSUMPTIONS = [
  // TrialDesk holds no buccal or sublingual route (the importer refuses to map a lozenge to oral, decision 0013).
  assumed(
    'route',
    'The article says "oral lozenges": a lozenge is absorbed through the lining of the mouth, a route TrialDesk ' +
      'cannot hold, so oral (PO) is recorded.',
  ),
  assumed('fixedMg', `${NO_DOSES}100 mg is a placeholder.`),
  assumed('doseSteps', `${NO_DOSES}the escalation per session (100 to 225 mg) is a placeholder.`),
  assumed('doseMode', `${NO_DOSES}a fixed dose per lozenge session is a placeholder.`),
  assumed('roundingIncrementMg', 'Not stated: doses are rounded to 0.1 mg, the clinic default.'),
  SPACING,
];

/** Measured after sessions 1, 3 and 6, the sessions the article reports. */
const PLAN_SESSIONS = [1, 3, 6] as const;

function planItems(instrument: SeedPlanItem['instrument'], provenance: SeedPlanItem['provenance']): SeedPlanItem[] {
  return PLAN_SESSIONS.map((session) => ({
    instrument,
    timepoint: { kind: 'AFTER_SESSION', session },
    windowBeforeDays: 0,
    windowAfterDays: 1,
    provenance,
  }));
}

const OTHER_SURVEYS_TIMEPOINT = assumed(
  'timepoint',
  'The article says "throughout their treatment" and reports pain after sessions 1, 3 and 6: the same sessions ' +
    'are assumed for this survey.',
);

export const TRIAL_KAP_PILOT: TrialDraftInput = {
  nctId: null,
  protocolNumber: 'KAP-PILOT',
  title: 'Ketamine-Assisted Psychotherapy for Chronic Pain and Depression: A Pilot Study',
  shortTitle: 'KAP pilot: IM vs oral ketamine for chronic pain and depression',
  phases: [],
  // The article reports the pilot's results.
  overallStatus: 'COMPLETED',
  studyType: 'INTERVENTIONAL',
  allocation: null,
  masking: null,
  leadSponsor: null,
  collaborators: [],
  principalInvestigator: null,
  sites: [],
  conditions: ['Chronic Pain', 'Major Depressive Disorder'],
  targetEnrollment: 10,
  startDate: null,
  completionDate: null,
  briefSummary:
    'A pilot of two ketamine-assisted psychotherapy (KAP) approaches in ten adults with major depressive disorder ' +
    'and a comorbid chronic pain condition: a psychedelic approach (intramuscular ketamine, psychotherapy 24 hours ' +
    'later) and a psycholytic approach (oral lozenges, psychotherapy during the session), five participants each, ' +
    'six medicine sessions with escalating doses. Depression, pain, anxiety and PTSD symptoms were surveyed.',
  coverageNote: null,
  arms: [
    {
      label: ARM_IM,
      type: 'EXPERIMENTAL',
      description:
        'High-dose intramuscular ketamine, two injections per session with escalating dosages, followed by ' +
        'psychotherapy 24 hours later.',
      allocationWeight: 1,
      dosing: IM_DOSING,
      dosingProvenance: sourced([ROUTES_TEXT, ESCALATION_TEXT, SESSIONS_TEXT].join(QUOTE_JOIN), ...DOSE_ASSUMPTIONS),
    },
    {
      label: ARM_ORAL,
      type: 'EXPERIMENTAL',
      description: 'Low-dose oral ketamine lozenges with escalating dosages, psychotherapy during the session.',
      allocationWeight: 1,
      dosing: ORAL_DOSING,
      dosingProvenance: sourced(
        [ROUTES_TEXT, ESCALATION_TEXT, SESSIONS_TEXT].join(QUOTE_JOIN),
        ...ORAL_DOSE_ASSUMPTIONS,
      ),
    },
  ],
  interventions: [
    {
      type: 'DRUG',
      name: 'Ketamine, intramuscular (psychedelic KAP)',
      description: 'Two injections per session with escalating dosages; psychotherapy 24 hours after administration.',
      armLabels: [ARM_IM],
    },
    {
      type: 'DRUG',
      name: 'Ketamine, oral lozenge (psycholytic KAP)',
      description: 'Oral lozenges with escalating dosages; psychotherapy immediately upon administration.',
      armLabels: [ARM_ORAL],
    },
    {
      type: 'BEHAVIORAL',
      name: 'Ketamine-assisted psychotherapy',
      description: 'Psychotherapy 24 hours after the injections (psychedelic) or during the session (psycholytic).',
      armLabels: [ARM_IM, ARM_ORAL],
    },
  ],
  // The article gives only who took part; it states no exclusions.
  criteria: [
    inclusion(
      'Adult (18 years or older)',
      { kind: 'number', measure: 'age_years', op: 'gte', value: 18 },
      { quote: ELIGIBILITY_TEXT, assumedRule: 'The article says "adults": 18 years or older is assumed.' },
    ),
    inclusion(
      'Prior diagnosis of major depressive disorder',
      { kind: 'diagnosis', anyOf: ['major_depressive_disorder'] },
      { quote: ELIGIBILITY_TEXT },
    ),
    inclusion(
      'A comorbid chronic pain condition',
      { kind: 'diagnosis', anyOf: ['chronic_pain'] },
      {
        quote: ELIGIBILITY_TEXT,
      },
    ),
  ],
  outcomes: [
    {
      kind: 'PRIMARY',
      measure: 'Pain severity and pain interference (BPI Short Form)',
      description: 'Brief Pain Inventory (BPI) Short Form.',
      timeFrame: 'Baseline and after sessions 1, 3 and 6',
    },
    {
      kind: 'PRIMARY',
      measure: 'Depression (BDI)',
      description: 'Beck Depression Inventory (BDI).',
      timeFrame: 'Throughout treatment',
    },
    {
      kind: 'SECONDARY',
      measure: 'Generalized anxiety (GAD-7) and PTSD symptoms (PCL-5)',
      description: 'Generalized Anxiety Disorder (GAD-7) Scale and Post-Traumatic Stress Disorder Checklist (PCL-5).',
      timeFrame: 'Throughout treatment',
    },
  ],
  assessmentPlan: [
    ...planItems('BPI_SF', sourced(`${SURVEYS_TEXT}${QUOTE_JOIN}${PAIN_TIMEPOINTS_TEXT}`, ASSUMED_WINDOW)),
    ...planItems(
      'BDI_II',
      sourced(
        SURVEYS_TEXT,
        assumed('instrument', 'The article says "Beck Depression Inventory (BDI)": the BDI-II edition is assumed.'),
        OTHER_SURVEYS_TIMEPOINT,
        ASSUMED_WINDOW,
      ),
    ),
    ...planItems('GAD7', sourced(SURVEYS_TEXT, OTHER_SURVEYS_TIMEPOINT, ASSUMED_WINDOW)),
    ...planItems('PCL5', sourced(SURVEYS_TEXT, OTHER_SURVEYS_TIMEPOINT, ASSUMED_WINDOW)),
  ],
};
