import type { Route, WeightBasis } from '@/lib/validations/dosing';
import { unescapeMarkdown } from './markdown-text';

// Readers for dose wording in registry arm and intervention descriptions. Every reader returns
// null when the text is silent or says two different things: a suggestion must never pick one.

const WORD_NUMBERS: Record<string, number> = {
  single: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const COUNT = String.raw`(?<![\d.])(?:\d{1,2}|single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const NUM = String.raw`\d+(?:\.\d+)?`;

export function normalizeDoseText(text: string): string {
  return unescapeMarkdown(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function toCount(word: string): number {
  return WORD_NUMBERS[word] ?? Number(word);
}

/** The single value all matches agree on; null when there is none or they disagree. */
export function agreed(values: number[]): number | null {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? distinct[0] : null;
}

type Found = { values: number[]; isAmbiguous: boolean };

function findAll(text: string, pattern: RegExp, read: (match: RegExpExecArray) => number | null): Found {
  const values: number[] = [];
  let isAmbiguous = false;
  for (const match of text.matchAll(pattern)) {
    const value = read(match);
    if (value === null) isAmbiguous = true;
    else values.push(value);
  }
  return { values, isAmbiguous: isAmbiguous || new Set(values).size > 1 };
}

const MG_PER_KG = new RegExp(
  String.raw`(?:(?<from>${NUM})\s*(?:-|to|or)\s*)?(?<value>${NUM})\s*(?:mg|milligrams?)\s*(?:/|per)\s*(?:kg|kilograms?)\b`,
  'g',
);
const RATE = /(?:mg|mcg|µg|μg)\s*(?:\/|per)\s*(?:kg|kilograms?)\s*(?:\/|per)\s*(?:h|hr|hours?|min|minutes?)\b/;
const CAP = new RegExp(
  String.raw`(?:max(?:imum|\.)?\s+(?:total\s+)?(?:single\s+)?(?:dose\s+)?(?:of\s+|is\s+|:\s*)?|not\s+(?:to\s+)?exceed(?:ing)?\s+(?:a\s+)?(?:total\s+)?(?:dose\s+of\s+)?|capped\s+at\s+|(?:a\s+)?cap\s+of\s+)(?<value>${NUM})\s*(?:mg|milligrams?)\b(?!\s*(?:/|per\b))`,
  'g',
);
const FIXED = new RegExp(
  String.raw`(?:(?<from>${NUM})\s*(?:-|to|or)\s*)?(?<value>${NUM})\s*(?:mg|milligrams?)\b(?!\s*(?:/|per\b))`,
  'g',
);

export type DoseReading = { mgPerKg: number | null; fixedMg: number | null; isAmbiguous: boolean };

/** Reads the dose of one text; caps ("maximum dose of 50 mg") are not doses and are removed first. */
export function readDose(text: string): DoseReading {
  if (RATE.test(text)) return { mgPerKg: null, fixedMg: null, isAmbiguous: true };
  const perKg = findAll(text, MG_PER_KG, (m) => (m.groups?.from ? null : Number(m.groups?.value)));
  if (perKg.isAmbiguous) return { mgPerKg: null, fixedMg: null, isAmbiguous: true };
  if (perKg.values.length > 0) return { mgPerKg: perKg.values[0], fixedMg: null, isAmbiguous: false };
  const withoutCaps = text.replace(CAP, ' ');
  const fixed = findAll(withoutCaps, FIXED, (m) => (m.groups?.from ? null : Number(m.groups?.value)));
  if (fixed.isAmbiguous) return { mgPerKg: null, fixedMg: null, isAmbiguous: true };
  return { mgPerKg: null, fixedMg: fixed.values[0] ?? null, isAmbiguous: false };
}

export function readCap(text: string): Found {
  return findAll(text, CAP, (m) => Number(m.groups?.value));
}

export function readWeightBasis(text: string): WeightBasis | null {
  const isIdeal = /\bideal\s+(?:body\s+)?weight\b|\bibw\b/.test(text);
  const isAdjusted = /\badjusted\s+(?:body\s+)?weight\b|\babw\b/.test(text);
  if (isIdeal && isAdjusted) return null;
  if (isIdeal) return 'IDEAL';
  if (isAdjusted) return 'ADJUSTED';
  return 'ACTUAL';
}

/** Routes TrialDesk's dosing protocol can hold, and routes it cannot (a suggestion must then say so, not guess). */
export type RouteReading = { route: Route | null; unsupported: string | null; isAmbiguous: boolean };

const ROUTES: Array<[Route, RegExp]> = [
  ['IN', /\bintra-?nasal(?:ly)?\b|\bnasal\s+spray\b/g],
  ['IM', /\bintra-?muscular(?:ly)?\b|\bi\.?m\.?\s+injection\b|\bi\.?m\.?(?=\s|$|[,;)])/g],
  ['SC', /\bsub-?cutaneous(?:ly)?\b|\bs\.?c\.?\s+injection\b/g],
  [
    'PO',
    /\boral(?:ly)?\b(?!\s+(?:herpes|mucosa|cavity|surgery|health|thrush|lesions?))|\btablets?\b|\bcapsules?\b|\bby\s+mouth\b|\bp\.?o\.?(?=\s|$|[,;)])/g,
  ],
  ['IV', /\bintra-?venous(?:ly)?\b|\bi\.?v\.?(?=\s|$|[,;)/])|\binfusions?\b|\binfused\b/g],
];
// Sublingual and lozenge doses are absorbed through the mouth lining: neither oral (PO) nor any route TrialDesk stores.
const UNSUPPORTED_ROUTES: Array<[string, RegExp]> = [
  ['sublingual', /\bsub-?lingual(?:ly)?\b/g],
  ['lozenge', /\blozenges?\b|\btroches?\b/g],
  ['buccal', /\bbuccal(?:ly)?\b/g],
];

/** Every route the text names: one supported route, or ambiguity (two routes) or an unsupported route. */
export function readRoutes(text: string): RouteReading {
  const unsupported = UNSUPPORTED_ROUTES.find(([, pattern]) => text.search(pattern) >= 0)?.[0] ?? null;
  const named = ROUTES.filter(([, pattern]) => text.search(pattern) >= 0).map(([route]) => route);
  if (unsupported !== null) return { route: null, unsupported, isAmbiguous: false };
  return { route: named.length === 1 ? named[0] : null, unsupported: null, isAmbiguous: named.length > 1 };
}

/** The route mentioned first; null when none is mentioned. */
export function readRoute(text: string): Route | null {
  let best: { route: Route; at: number } | null = null;
  for (const [route, pattern] of ROUTES) {
    const at = text.search(pattern);
    if (at >= 0 && (best === null || at < best.at)) best = { route, at };
  }
  return best?.route ?? null;
}

const PER_WEEK: Array<[RegExp, number]> = [
  [
    /\b(?:thrice|three\s+times)\s*(?:a\s+|per\s+|each\s+)?[- ]?week(?:ly)?\b|\b3\s*(?:x|times)\s*(?:\/|per\s+|a\s+)\s*week\b/g,
    3,
  ],
  [
    /\b(?:twice|two\s+times)\s*(?:a\s+|per\s+|each\s+)?[- ]?week(?:ly)?\b|\b2\s*(?:x|times)\s*(?:\/|per\s+|a\s+)\s*week\b/g,
    2,
  ],
  [/\b(?:once\s*(?:a\s+|per\s+|each\s+)?[- ]?week(?:ly)?|(?<!(?:twice|thrice|times)[- ]?)weekly)\b/g, 1],
];

const EVERY_N_WEEKS = new RegExp(
  String.raw`\b(?<one>every\s+week)\b|\bevery\s+(?<n>${COUNT}|other)\s+weeks?\b|\bq\s?(?<q>\d)\s?w(?:ks?)?\b`,
  'g',
);

/** "every 3 weeks", "every other week", "q2w": the weeks between sessions (1 = weekly). */
export function readWeeksBetween(text: string): Found {
  return findAll(text, EVERY_N_WEEKS, (m) => {
    if (m.groups?.one !== undefined) return 1;
    const word = m.groups?.n ?? m.groups?.q ?? '';
    return word === 'other' ? 2 : toCount(word);
  });
}

export function readSessionsPerWeek(text: string): Found {
  const values: number[] = [];
  for (const [pattern, perWeek] of PER_WEEK) values.push(...Array.from(text.matchAll(pattern), () => perWeek));
  return { values, isAmbiguous: new Set(values).size > 1 };
}

const SESSION_NOUN = String.raw`(?:infusions?|sessions?|treatments?|doses?|injections?|administrations?)`;
const SESSION_ADJECTIVES = String.raw`(?:(?:(?:twice|once|thrice)[- ]weekly|weekly|iv|intravenous|open[- ]label|sub-?anesthetic|ketamine|placebo|saline|separate|consecutive|additional|total|\d+[- ]min(?:ute)?s?|\d+[- ]hours?)\s+){0,4}`;
// The count must be a whole number: "40-min infusion" is a duration, never "4" + "0-min infusion".
const SESSION_COUNT = new RegExp(
  String.raw`\b(?:a\s+)?(?<count>${COUNT})(?![\d.])[- ]?(?:time\s+)?\s*${SESSION_ADJECTIVES}${SESSION_NOUN}\b`,
  'g',
);
const WEEKS = new RegExp(
  String.raw`\b(?:for|over|across|during|within)\s+(?:a\s+)?(?<weeks>${COUNT})[- ](?:consecutive\s+)?weeks?\b`,
  'g',
);

export function readSessionCount(text: string): Found {
  return findAll(text, SESSION_COUNT, (m) => toCount(m.groups?.count ?? ''));
}

export function readWeeks(text: string): Found {
  return findAll(text, WEEKS, (m) => toCount(m.groups?.weeks ?? ''));
}

const MINUTES = new RegExp(
  String.raw`\b(?<n>\d{1,3})[- ]?(?<unit>min(?:ute)?s?|hours?|hr)\s+(?:iv\s+|intravenous\s+)?infusion|\b(?:over|infused\s+over)\s+(?:a\s+(?:period\s+of\s+)?)?(?<n2>\d{1,3}|one|two)\s*(?<unit2>min(?:ute)?s?|hours?|hr)\b`,
  'g',
);

export function readInfusionMinutes(text: string): number | null {
  const found = findAll(text, MINUTES, (m) => {
    const n = toCount(m.groups?.n ?? m.groups?.n2 ?? '');
    const unit = m.groups?.unit ?? m.groups?.unit2 ?? '';
    return unit.startsWith('h') ? n * 60 : n;
  });
  return found.isAmbiguous ? null : agreed(found.values);
}

export function readMinHoursBetween(text: string): number | null {
  const found = findAll(
    text,
    /\b(?:at\s+least|minimum\s+of|no\s+less\s+than)\s+(?<n>\d{1,3})\s*(?<unit>hours?|days?)\s+(?:apart|between)/g,
    (m) => Number(m.groups?.n) * (m.groups?.unit?.startsWith('d') ? 24 : 1),
  );
  return found.isAmbiguous ? null : agreed(found.values);
}

/** "optional open-label infusion 1-7 days after the last infusion": the day window and whether it is optional. */
export function readOpenLabelExtension(text: string): { minDays: number; maxDays: number; isOptional: boolean } | null {
  for (const sentence of text.split(/(?<=[.;])\s+/)) {
    if (!/\bopen[- ]label\b/.test(sentence)) continue;
    const window = /\b(?<min>\d{1,2})\s*(?:-|to)\s*(?<max>\d{1,2})\s+days?\s+(?:after|later|following|post)/.exec(
      sentence,
    );
    if (window?.groups === undefined) continue;
    const [minDays, maxDays] = [Number(window.groups.min), Number(window.groups.max)];
    if (minDays > maxDays) return null;
    return { minDays, maxDays, isOptional: /\boptional(?:ly)?\b|\bmay\s+(?:choose|elect|opt)\b/.test(sentence) };
  }
  return null;
}
