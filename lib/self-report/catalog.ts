import type { InstrumentCode } from '@/lib/outcomes/instrument-codes';

// What a participant sees when they answer a questionnaire themselves: each
// instrument's own published wording. Only instruments whose wording may be reproduced
// freely are offered: PHQ-9 and GAD-7 (Pfizer: no permission required to reproduce,
// translate, display or distribute) and a 0–10 pain numeric rating scale. The others
// (BDI-II, BPI-SF, PROMIS, QIDS-SR16, PCL-5, CADSS) stay on paper or staff entry: their
// wording is licensed, or clinician-administered, or not shipped here verbatim.

/** How long a link works unless staff choose otherwise. */
export const DEFAULT_LINK_TTL_DAYS = 7;

/** Random bytes in a link token (256 bits: unguessable; only its hash is stored). */
export const TOKEN_BYTES = 32;

/** How a participant's own record is attributed where staff names appear. */
export const PARTICIPANT_LABEL = 'Participant (self-report)';

export type ResponseOption = { value: number; label: string };
export type SelfReportQuestion = { text: string; options: readonly ResponseOption[] };
export type SelfReportForm = {
  code: InstrumentCode;
  /** Plain title for the participant (no clinical label such as "depression scale"). */
  title: string;
  instructions: string;
  questions: readonly SelfReportQuestion[];
};

const FREQUENCY: readonly ResponseOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const frequencyItems = (texts: readonly string[]): SelfReportQuestion[] =>
  texts.map((text) => ({ text, options: FREQUENCY }));

const PHQ9_FORM: SelfReportForm = {
  code: 'PHQ9',
  title: 'How you have been feeling',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  questions: frequencyItems([
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ]),
};

const GAD7_FORM: SelfReportForm = {
  code: 'GAD7',
  title: 'How you have been feeling',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  questions: frequencyItems([
    'Feeling nervous, anxious, or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ]),
};

const NRS_FORM: SelfReportForm = {
  code: 'NRS',
  title: 'Your pain',
  // The clinic's wording of the generic 0–10 pain scale; a protocol that names a recall period should say so here.
  instructions: 'Please rate your pain by choosing the one number that best describes your pain right now.',
  questions: [
    {
      text: 'Your pain right now, from 0 (no pain) to 10 (worst pain imaginable)',
      options: Array.from({ length: 11 }, (_, value) => ({
        value,
        label: value === 0 ? '0 — No pain' : value === 10 ? '10 — Worst pain imaginable' : String(value),
      })),
    },
  ],
};

export const SELF_REPORT_FORMS: Partial<Record<InstrumentCode, SelfReportForm>> = {
  PHQ9: PHQ9_FORM,
  GAD7: GAD7_FORM,
  NRS: NRS_FORM,
};

export function selfReportFormFor(instrument: string): SelfReportForm | null {
  return (SELF_REPORT_FORMS as Record<string, SelfReportForm | undefined>)[instrument] ?? null;
}

/** Shown to the participant at once when an answer raises a suicidality flag, and in the POST response. */
export const CRISIS_RESOURCES = {
  title: 'You are not alone. Help is available right now.',
  message:
    'Thank you for answering honestly. Your study team will contact you. If you are thinking about harming yourself, please reach out now:',
  contacts: [
    {
      label: '988 Suicide & Crisis Lifeline',
      detail: 'Call or text 988, any time, free and confidential',
      href: 'tel:988',
    },
    { label: 'Text the Lifeline', detail: 'Text 988', href: 'sms:988' },
    { label: 'Emergency', detail: 'If you are in immediate danger, call 911', href: 'tel:911' },
  ],
} as const;

export type CrisisResources = typeof CRISIS_RESOURCES;
