import { DIAGNOSES, FACTS, MEDICATIONS, type Sex } from '@/lib/measures/vocabulary';
import type { DiagnosisRule, FactRule, MedicationRule, SexRule } from '@/lib/validations/eligibility';
import { lowerFirst } from '@/lib/eligibility/describe-rule';
import { FALSE, isFresh, staleNote, TRUE, UNKNOWN, type RuleEvaluator } from '@/lib/eligibility/truth';

// Leaves over coded answers (sex, diagnoses, medications, yes/no facts), as opposed to measured numbers.

export function compileSex(rule: SexRule): RuleEvaluator {
  const allowed = new Set<Sex>(rule.anyOf);
  // 'unknown' is a recorded answer only when the rule lists it; otherwise it means we do not know yet.
  const isUnknownAllowed = allowed.has('unknown');
  return (index, scratch) => {
    if (index.sex === 'unknown' && !isUnknownAllowed) {
      if (scratch.isExplaining) scratch.observations.push('Missing: Sex');
      scratch.missing.push('Sex');
      return UNKNOWN;
    }
    if (scratch.isExplaining) scratch.observations.push(`Sex = ${index.sex}`);
    return allowed.has(index.sex) ? TRUE : FALSE;
  };
}

// Arrays are allocated only when needed: most diagnoses are recorded absent and most classes never taken.
// A diagnosis answer older than the window decides nothing, present or absent: an old "absent" must not clear
// an exclusion, and an old "present" of a condition that can resolve must not exclude on its own.
export function compileDiagnosis(rule: DiagnosisRule): RuleEvaluator {
  const codes = rule.anyOf.map((code) => ({
    code,
    label: DIAGNOSES[code].label,
    absentLabel: lowerFirst(DIAGNOSES[code].label),
    missingItem: `${DIAGNOSES[code].label} (diagnosis)`,
  }));
  const within = rule.withinDays;
  return (index, scratch) => {
    let present: string[] | null = null;
    let absent: string[] | null = null;
    let unrecorded: string[] | null = null;
    let stale: string[] | null = null;
    let staleItems: string[] | null = null;
    let isPresent = false;
    const { isExplaining } = scratch;
    for (const { code, label, absentLabel, missingItem } of codes) {
      const dx = index.diagnoses.get(code);
      if (dx === undefined) {
        (unrecorded ??= []).push(missingItem);
        continue;
      }
      if (!isFresh(index, dx.day, within)) {
        if (isExplaining)
          (stale ??= []).push(staleNote(index, dx.day, within, `${label} (${dx.isPresent ? 'present' : 'absent'})`)!);
        (staleItems ??= []).push(missingItem);
      } else if (dx.isPresent) {
        isPresent = true;
        if (isExplaining) (present ??= []).push(`${label} present (recorded ${dx.date})`);
      } else if (isExplaining) (absent ??= []).push(`${absentLabel} (${dx.date})`);
    }
    if (isPresent) {
      if (present !== null) scratch.observations.push(present.join('; '));
      return TRUE;
    }
    if (absent !== null) scratch.observations.push(`Recorded absent: ${absent.join(', ')}`);
    if (stale !== null) scratch.observations.push(stale.join('; '));
    if (unrecorded !== null && isExplaining) scratch.observations.push(`Missing: ${unrecorded.join(', ')}`);
    if (unrecorded === null && staleItems === null) return FALSE;
    if (staleItems !== null) for (const item of staleItems) scratch.missing.push(item);
    if (unrecorded !== null) for (const item of unrecorded) scratch.missing.push(item);
    return UNKNOWN;
  };
}

// "Never taken" is an answer; a history with no last dose that does not say never taken is not, so the class
// is UNKNOWN ("last dose unknown") rather than counted as not taken.
export function compileMedication(rule: MedicationRule): RuleEvaluator {
  const classes = rule.anyOf.map((code) => ({
    code,
    label: MEDICATIONS[code].label,
    missingItem: `${MEDICATIONS[code].label} use`,
    lastDoseItem: `${MEDICATIONS[code].label} last dose`,
  }));
  const within = rule.withinDays;
  return (index, scratch) => {
    const { isExplaining } = scratch;
    let isUsed = false;
    let used: string[] | null = null;
    const notes: string[] = [];
    let unknown: string[] | null = null;
    for (const { code, label, missingItem, lastDoseItem } of classes) {
      const med = index.medications.get(code);
      if (med === undefined) {
        if (isExplaining) notes.push(`Missing: ${missingItem}`);
        (unknown ??= []).push(missingItem);
        continue;
      }
      if (med.lastDoseDay !== null && index.asOfDay - med.lastDoseDay <= within) {
        isUsed = true;
        if (isExplaining) (used ??= []).push(`${label}: last dose ${med.lastDoseAt}`);
        continue;
      }
      // A history taken before the window cannot vouch for the whole window.
      if (!isFresh(index, med.day, within)) {
        if (isExplaining) notes.push(staleNote(index, med.day, within, `${label} history`)!);
        (unknown ??= []).push(missingItem);
      } else if (med.isCurrent) {
        isUsed = true;
        if (isExplaining) (used ??= []).push(`${label}: current (recorded ${med.date})`);
      } else if (med.lastDoseAt !== null) {
        if (isExplaining) notes.push(`${label}: last dose ${med.lastDoseAt} (recorded ${med.date})`);
      } else if (med.isNeverTaken) {
        if (isExplaining) notes.push(`${label}: never taken (recorded ${med.date})`);
      } else {
        if (isExplaining) notes.push(`${label}: not taken now, last dose unknown (recorded ${med.date})`);
        (unknown ??= []).push(lastDoseItem);
      }
    }
    if (isUsed) {
      if (used !== null) scratch.observations.push(used.join('; '));
      return TRUE;
    }
    if (isExplaining) scratch.observations.push(notes.join('; '));
    if (unknown === null) return FALSE;
    for (const item of unknown) scratch.missing.push(item);
    return UNKNOWN;
  };
}

export function compileFact(rule: FactRule): RuleEvaluator {
  const { label, shortLabel } = FACTS[rule.fact];
  const answerLabel = `${label} answer`;
  const missingItem = `${label} (yes/no)`;
  const code = rule.fact;
  const within = rule.withinDays;
  return (index, scratch) => {
    const fact = index.facts.get(code);
    if (fact === undefined) {
      if (scratch.isExplaining) scratch.observations.push(`Missing: ${missingItem}`);
      scratch.missing.push(missingItem);
      return UNKNOWN;
    }
    if (!isFresh(index, fact.day, within)) {
      if (scratch.isExplaining) scratch.observations.push(staleNote(index, fact.day, within, answerLabel)!);
      scratch.missing.push(missingItem);
      return UNKNOWN;
    }
    if (scratch.isExplaining) scratch.observations.push(`${shortLabel}: ${fact.value ? 'yes' : 'no'} on ${fact.date}`);
    return fact.value === rule.equals ? TRUE : FALSE;
  };
}
