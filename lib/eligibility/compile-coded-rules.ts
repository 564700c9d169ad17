import { DIAGNOSES, FACTS, MEDICATIONS, type Sex } from '@/lib/measures/vocabulary';
import type { DiagnosisRule, FactRule, MedicationRule, SexRule } from '@/lib/validations/eligibility';
import { lowerFirst } from '@/lib/eligibility/describe-rule';
import { FALSE, isStale, TRUE, UNKNOWN, type RuleEvaluator } from '@/lib/eligibility/truth';

// Leaves over coded answers (sex, diagnoses, medications, yes/no facts), as opposed to measured numbers.

export function compileSex(rule: SexRule): RuleEvaluator {
  const allowed = new Set<Sex>(rule.anyOf);
  // 'unknown' is a recorded answer only when the rule lists it; otherwise it means we do not know yet.
  const isUnknownAllowed = allowed.has('unknown');
  return (index, scratch) => {
    if (index.sex === 'unknown' && !isUnknownAllowed) {
      scratch.observations.push('Missing: Sex');
      scratch.missing.push('Sex');
      return UNKNOWN;
    }
    scratch.observations.push(`Sex = ${index.sex}`);
    return allowed.has(index.sex) ? TRUE : FALSE;
  };
}

// Arrays are allocated only when needed: most diagnoses are recorded absent and most classes never taken.
export function compileDiagnosis(rule: DiagnosisRule): RuleEvaluator {
  const codes = rule.anyOf.map((code) => ({
    code,
    label: DIAGNOSES[code].label,
    absentLabel: lowerFirst(DIAGNOSES[code].label),
    missingItem: `${DIAGNOSES[code].label} (diagnosis)`,
  }));
  return (index, scratch) => {
    let present: string[] | null = null;
    let absent: string[] | null = null;
    let unrecorded: string[] | null = null;
    for (const { code, label, absentLabel, missingItem } of codes) {
      const dx = index.diagnoses.get(code);
      if (dx === undefined) (unrecorded ??= []).push(missingItem);
      else if (dx.isPresent) (present ??= []).push(`${label} present (recorded ${dx.date})`);
      else (absent ??= []).push(`${absentLabel} (${dx.date})`);
    }
    if (present !== null) {
      scratch.observations.push(present.join('; '));
      return TRUE;
    }
    if (absent !== null) scratch.observations.push(`Recorded absent: ${absent.join(', ')}`);
    if (unrecorded === null) return FALSE;
    scratch.observations.push(`Missing: ${unrecorded.join(', ')}`);
    for (const item of unrecorded) scratch.missing.push(item);
    return UNKNOWN;
  };
}

export function compileMedication(rule: MedicationRule): RuleEvaluator {
  const classes = rule.anyOf.map((code) => ({
    code,
    label: MEDICATIONS[code].label,
    missingItem: `${MEDICATIONS[code].label} use`,
  }));
  const within = rule.withinDays;
  return (index, scratch) => {
    let used: string[] | null = null;
    const notes: string[] = [];
    let unknown: string[] | null = null;
    for (const { code, label, missingItem } of classes) {
      const med = index.medications.get(code);
      if (med === undefined) {
        notes.push(`Missing: ${missingItem}`);
        (unknown ??= []).push(missingItem);
      } else if (med.lastDoseDay !== null && index.asOfDay - med.lastDoseDay <= within) {
        (used ??= []).push(`${label}: last dose ${med.lastDoseAt}`);
      } else if (index.asOfDay - med.day > within) {
        // A history taken before the window cannot vouch for the whole window.
        notes.push(`${label} history is from ${med.date}, older than ${within} days`);
        (unknown ??= []).push(missingItem);
      } else if (med.isCurrent) {
        (used ??= []).push(`${label}: current (recorded ${med.date})`);
      } else if (med.lastDoseAt === null) {
        notes.push(`${label}: never taken (recorded ${med.date})`);
      } else {
        notes.push(`${label}: last dose ${med.lastDoseAt} (recorded ${med.date})`);
      }
    }
    if (used !== null) {
      scratch.observations.push(used.join('; '));
      return TRUE;
    }
    scratch.observations.push(notes.join('; '));
    if (unknown === null) return FALSE;
    for (const item of unknown) scratch.missing.push(item);
    return UNKNOWN;
  };
}

export function compileFact(rule: FactRule): RuleEvaluator {
  const { label, shortLabel } = FACTS[rule.fact];
  const code = rule.fact;
  const within = rule.withinDays;
  return (index, scratch) => {
    const fact = index.facts.get(code);
    if (fact === undefined) {
      scratch.observations.push(`Missing: ${label} (yes/no)`);
      scratch.missing.push(`${label} (yes/no)`);
      return UNKNOWN;
    }
    if (isStale(index, fact.day, within)) {
      scratch.observations.push(`${shortLabel} answer is from ${fact.date}, older than ${within} days`);
      scratch.missing.push(`${label} (yes/no)`);
      return UNKNOWN;
    }
    scratch.observations.push(`${shortLabel}: ${fact.value ? 'yes' : 'no'} on ${fact.date}`);
    return fact.value === rule.equals ? TRUE : FALSE;
  };
}
