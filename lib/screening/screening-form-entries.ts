import { PHQ9_ITEMS_CODE } from '@/lib/measures/phq9-items';
import type { ScreeningField } from '@/lib/screening/screening-form-model';

// What one trial's screening form holds (one slot per field, as the inputs hold them) and how that
// becomes the action's input: only the fields that were filled are sent, so a current value left
// alone is not recorded again under a new date.

/** One field's inputs; `answer` is present/absent, taking now or yes/no depending on the field. */
export type EntryValues = {
  value: string;
  unit: string;
  uln: string;
  lln: string;
  answer: boolean | undefined;
  lastDoseAt: string;
  isNeverTaken: boolean;
  /** A score entered item by item (the field's itemEntry): one answer per item, '' while unanswered. */
  isItemized: boolean;
  items: string[];
};

export type ScreeningFormValues = { measuredAt: string; entries: EntryValues[] };

export function initialValues(fields: readonly ScreeningField[], today: string): ScreeningFormValues {
  return {
    measuredAt: today,
    entries: fields.map((field) => ({
      value: '',
      unit: field.units[0] ?? '',
      uln: '',
      lln: '',
      answer: undefined,
      lastDoseAt: '',
      isNeverTaken: false,
      isItemized: false,
      items: (field.itemEntry?.labels ?? []).map(() => ''),
    })),
  };
}

const isItemized = (field: ScreeningField, entry: EntryValues) => field.itemEntry !== null && entry.isItemized;

export function isFilled(field: ScreeningField, entry: EntryValues): boolean {
  if (isItemized(field, entry)) return entry.items.some((answer) => answer !== '');
  switch (field.kind) {
    case 'number':
    case 'bp':
    case 'lab':
      return entry.value.trim() !== '';
    case 'medication':
      return entry.answer !== undefined || entry.isNeverTaken || entry.lastDoseAt !== '';
    default:
      return entry.answer !== undefined;
  }
}

/** '' stays missing (the schema says "Enter a number"); a comma decimal is read as a point. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
const toOptionalNumber = (text: string) => (text.trim() === '' ? null : toNumber(text));

function toEntry(field: ScreeningField, entry: EntryValues, measuredAt: string): Record<string, unknown> {
  const base = { code: field.code, measuredAt };
  // An unanswered item is sent as null: the schema names it ("Choose an answer"), nothing is guessed.
  if (isItemized(field, entry))
    return {
      code: PHQ9_ITEMS_CODE,
      measuredAt,
      items: entry.items.map((answer) => (answer === '' ? null : Number(answer))),
    };
  switch (field.kind) {
    case 'bp':
      return { ...base, value: entry.value };
    case 'number':
      return { ...base, value: toNumber(entry.value), ...(entry.unit ? { unit: entry.unit } : {}) };
    case 'lab':
      return {
        ...base,
        value: toNumber(entry.value),
        unit: entry.unit,
        uln: toOptionalNumber(entry.uln),
        lln: toOptionalNumber(entry.lln),
      };
    case 'diagnosis':
      return { ...base, isPresent: entry.answer };
    case 'medication':
      return {
        ...base,
        isCurrent: entry.answer,
        lastDoseAt: entry.lastDoseAt === '' ? null : entry.lastDoseAt,
        isNeverTaken: entry.isNeverTaken,
      };
    case 'fact':
      return { ...base, value: entry.answer };
  }
}

/** The action's input, and for each sent entry the index of the form field it came from. */
export function toFormInput(
  fields: readonly ScreeningField[],
  values: ScreeningFormValues,
  candidateId: string,
): { input: { candidateId: string; entries: Record<string, unknown>[] }; formIndex: number[] } {
  const entries: Record<string, unknown>[] = [];
  const formIndex: number[] = [];
  fields.forEach((field, index) => {
    const entry = values.entries[index];
    if (!entry || !isFilled(field, entry)) return;
    entries.push(toEntry(field, entry, values.measuredAt));
    formIndex.push(index);
  });
  return { input: { candidateId, entries }, formIndex };
}

/**
 * Where a message about a sent entry belongs on the form: the schema names it "entries.3.value",
 * the measurements use case "3.value"; both mean the fourth entry sent. A message about the date
 * of an entry goes to the form's one date.
 */
export function formFieldOf(
  key: string,
  formIndex: readonly number[],
  fields: readonly ScreeningField[],
): { index: number; name: keyof EntryValues } | 'measuredAt' | null {
  const match = /^(?:entries\.)?(\d+)\.(\w+)/.exec(key);
  if (!match) return null;
  const index = formIndex[Number(match[1])];
  if (index === undefined) return null;
  const [, , name] = match;
  if (name === 'measuredAt') return 'measuredAt';
  if (name === 'items') return { index, name: 'items' };
  // Yes/no answers are one radio group whatever the API calls them (isPresent, isCurrent, a fact's value).
  const isAnswer = name === 'isPresent' || name === 'isCurrent' || (name === 'value' && fields[index]?.kind === 'fact');
  if (isAnswer) return { index, name: 'answer' };
  if (
    name === 'value' ||
    name === 'unit' ||
    name === 'uln' ||
    name === 'lln' ||
    name === 'lastDoseAt' ||
    name === 'isNeverTaken'
  )
    return { index, name };
  return { index, name: 'value' };
}

/** "entries.3.items.2" → 3: the item a message is about, counted from 1 as the questionnaire does. */
export function itemNumberOf(key: string): number | null {
  const match = /\.items\.(\d+)/.exec(key);
  return match ? Number(match[1]) + 1 : null;
}
