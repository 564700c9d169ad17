import type { TrialDraft } from '@/lib/validations/trials';

export type TrialDraftChange = {
  /** Where the change is, e.g. "title", "arms[Ketamine].dosing.mgPerKg", "criteria[3].text". */
  path: string;
  /** Human-readable name for the review screen. */
  label: string;
  /** undefined = did not exist (added) / no longer exists (removed). */
  before: unknown;
  after: unknown;
};

export type TrialDraftDiff = {
  changes: TrialDraftChange[];
  /**
   * True when eligibility (criteria added, removed, or their wording, kind or confirmed rule), confirmed
   * dosing, the arms (added, removed, type, allocation weight) or the assessment plan changed: the caller
   * records a protocol amendment. Suggestions and registry metadata (titles, status, sites) are not protocol.
   */
  isProtocolChange: boolean;
};

type Criterion = TrialDraft['criteria'][number];

const SCALAR_FIELDS: Array<[keyof TrialDraft, string]> = [
  ['nctId', 'NCT id'],
  ['protocolNumber', 'Protocol number'],
  ['title', 'Title'],
  ['shortTitle', 'Short title'],
  ['phases', 'Phases'],
  ['overallStatus', 'Overall status'],
  ['studyType', 'Study type'],
  ['allocation', 'Allocation'],
  ['masking', 'Masking'],
  ['leadSponsor', 'Lead sponsor'],
  ['collaborators', 'Collaborators'],
  ['principalInvestigator', 'Principal investigator'],
  ['conditions', 'Conditions'],
  ['targetEnrollment', 'Target enrollment'],
  ['startDate', 'Start date'],
  ['completionDate', 'Completion date'],
  ['briefSummary', 'Brief summary'],
  ['coverageNote', 'Coverage note'],
];

/** Key-order-insensitive JSON, so {a,b} and {b,a} compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function isEqual(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Compares two objects field by field (one level), or whole when either side is missing. */
function diffFields(options: {
  path: string;
  label: string;
  before: object | null | undefined;
  after: object | null | undefined;
  out: TrialDraftChange[];
}): void {
  const { path, label, before, after, out } = options;
  if (isEqual(before ?? null, after ?? null)) return;
  if (before == null || after == null) {
    out.push({ path, label, before, after });
    return;
  }
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    if (!isEqual(b[key], a[key]))
      out.push({ path: `${path}.${key}`, label: `${label}: ${key}`, before: b[key], after: a[key] });
  }
}

/** Pairs items by key; unmatched items are added or removed. */
function diffKeyed<T extends object>(options: {
  before: T[];
  after: T[];
  keyOf: (item: T) => string;
  pathOf: (key: string) => string;
  labelOf: (key: string) => string;
  fields: Array<keyof T & string>;
  out: TrialDraftChange[];
}): void {
  const { before, after, keyOf, pathOf, labelOf, fields, out } = options;
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  const afterByKey = new Map(after.map((item) => [keyOf(item), item]));
  for (const [key, item] of beforeByKey) {
    if (!afterByKey.has(key))
      out.push({ path: pathOf(key), label: `${labelOf(key)} removed`, before: item, after: undefined });
  }
  for (const [key, item] of afterByKey) {
    const old = beforeByKey.get(key);
    if (old === undefined) {
      out.push({ path: pathOf(key), label: `${labelOf(key)} added`, before: undefined, after: item });
      continue;
    }
    for (const field of fields) {
      const [b, a] = [old[field], item[field]];
      const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
      if (isObject(b) && isObject(a))
        diffFields({
          path: `${pathOf(key)}.${field}`,
          label: `${labelOf(key)}: ${field}`,
          before: b as object,
          after: a as object,
          out,
        });
      else if (!isEqual(b, a))
        out.push({ path: `${pathOf(key)}.${field}`, label: `${labelOf(key)}: ${field}`, before: b, after: a });
    }
  }
}

/**
 * Criteria are paired by identical wording first (so inserting one does not shift the rest),
 * then the leftovers at the same position are treated as an edit of that criterion.
 */
function diffCriteria(before: Criterion[], after: Criterion[], out: TrialDraftChange[]): void {
  const pairs: Array<[number | null, number | null]> = [];
  const usedAfter = new Set<number>();
  const unmatchedBefore: number[] = [];
  before.forEach((criterion, i) => {
    const j = after.findIndex(
      (candidate, index) =>
        !usedAfter.has(index) && candidate.kind === criterion.kind && candidate.text === criterion.text,
    );
    if (j === -1) unmatchedBefore.push(i);
    else {
      usedAfter.add(j);
      pairs.push([i, j]);
    }
  });
  const unmatchedAfter = after.map((_, j) => j).filter((j) => !usedAfter.has(j));
  for (const i of unmatchedBefore) {
    const j = unmatchedAfter.indexOf(i);
    if (j === -1) pairs.push([i, null]);
    else {
      pairs.push([i, i]);
      unmatchedAfter.splice(j, 1);
    }
  }
  for (const j of unmatchedAfter) pairs.push([null, j]);

  const labelOf = (criterion: Criterion, index: number) =>
    `${criterion.kind === 'INCLUSION' ? 'Inclusion' : 'Exclusion'} criterion ${index + 1} (${shorten(criterion.text)})`;
  pairs.sort(([i1, j1], [i2, j2]) => (j1 ?? i1 ?? 0) - (j2 ?? i2 ?? 0));
  for (const [i, j] of pairs) {
    if (j === null && i !== null) {
      out.push({
        path: `criteria[${i}]`,
        label: `${labelOf(before[i], i)} removed`,
        before: before[i],
        after: undefined,
      });
    } else if (i === null && j !== null) {
      out.push({ path: `criteria[${j}]`, label: `${labelOf(after[j], j)} added`, before: undefined, after: after[j] });
    } else if (i !== null && j !== null) {
      for (const field of ['kind', 'text', 'rule', 'suggestedRule'] as const) {
        if (!isEqual(before[i][field], after[j][field]))
          out.push({
            path: `criteria[${j}].${field}`,
            label: `${labelOf(after[j], j)}: ${field}`,
            before: before[i][field],
            after: after[j][field],
          });
      }
    }
  }
}

function isProtocolPath(change: TrialDraftChange): boolean {
  if (change.path.startsWith('assessmentPlan')) return true;
  if (change.path.startsWith('criteria[')) return !change.path.endsWith('.suggestedRule');
  if (!change.path.startsWith('arms[')) return false;
  const isWholeArm = change.before === undefined || change.after === undefined;
  return isWholeArm || /\]\.(?:dosing|allocationWeight|type)(?:\.|$)/.test(change.path);
}

/** What a re-import (or an edit) changes between two drafts of the same trial. */
export function diffTrialDrafts(before: TrialDraft, after: TrialDraft): TrialDraftDiff {
  const changes: TrialDraftChange[] = [];
  for (const [field, label] of SCALAR_FIELDS) {
    if (!isEqual(before[field], after[field]))
      changes.push({ path: field, label, before: before[field], after: after[field] });
  }
  const siteKey = (site: TrialDraft['sites'][number]) =>
    [site.facility, site.city, site.state, site.country].map((part) => part ?? '').join(' | ');
  diffKeyed({
    before: before.sites,
    after: after.sites,
    keyOf: siteKey,
    pathOf: (key) => `sites[${key}]`,
    labelOf: (key) => `Site ${key}`,
    fields: [],
    out: changes,
  });
  diffKeyed({
    before: before.arms,
    after: after.arms,
    keyOf: (arm) => arm.label,
    pathOf: (key) => `arms[${key}]`,
    labelOf: (key) => `Arm "${key}"`,
    fields: ['type', 'description', 'allocationWeight', 'dosing', 'suggestedDosing'],
    out: changes,
  });
  diffKeyed({
    before: before.interventions,
    after: after.interventions,
    keyOf: (item) => item.name,
    pathOf: (key) => `interventions[${key}]`,
    labelOf: (key) => `Intervention "${key}"`,
    fields: ['type', 'description', 'armLabels'],
    out: changes,
  });
  diffCriteria(before.criteria, after.criteria, changes);
  diffKeyed({
    before: before.outcomes,
    after: after.outcomes,
    keyOf: (outcome) => `${outcome.kind}: ${outcome.measure}`,
    pathOf: (key) => `outcomes[${key}]`,
    labelOf: (key) => `Outcome ${shorten(key)}`,
    fields: ['description', 'timeFrame'],
    out: changes,
  });
  // Provenance is not a protocol value: it travels with the item and is written by its own confirm action.
  const sortedPlan = (draft: TrialDraft) =>
    draft.assessmentPlan.map(({ provenance: _provenance, ...item }) => stable(item)).sort();
  if (!isEqual(sortedPlan(before), sortedPlan(after)))
    changes.push({
      path: 'assessmentPlan',
      label: 'Assessment plan',
      before: before.assessmentPlan,
      after: after.assessmentPlan,
    });
  return { changes, isProtocolChange: changes.some(isProtocolPath) };
}
