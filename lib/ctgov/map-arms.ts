import { armTypeSchema, interventionTypeSchema, type TrialDraftInput } from '@/lib/validations/trials';
import { asRecords, asText, asTexts, fitText, type JsonRecord } from './json-reading';
import { suggestDosing } from './suggest-dosing';

type ArmInput = NonNullable<TrialDraftInput['arms']>[number];
type InterventionInput = NonNullable<TrialDraftInput['interventions']>[number];

const NOT_A_DRUG = /\b(?:placebo|saline|vehicle|sham|sugar pill)\b/i;

function enumValue<T extends string>(options: { value: unknown; allowed: readonly T[]; fallback: T; field: string; warnings: string[] }): T {
  const { value, allowed, fallback, field, warnings } = options;
  const text = asText(value);
  if (text === null) return fallback;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  warnings.push(`${field} "${text}" is not a known value; used ${fallback}.`);
  return fallback;
}

/** Registry arm labels are matched exactly, then ignoring case and spacing (hand-typed labels drift). */
function findArmLabel(labels: string[], wanted: string): string | null {
  if (labels.includes(wanted)) return wanted;
  const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');
  return labels.find((label) => key(label) === key(wanted)) ?? null;
}

export function mapArmsAndInterventions(options: {
  module: JsonRecord | null;
  isInterventional: boolean;
  warnings: string[];
}): { arms: ArmInput[]; interventions: InterventionInput[] } {
  const { module, isInterventional, warnings } = options;
  const armRecords = asRecords(module?.armGroups);
  const arms: ArmInput[] = [];
  const armInterventionNames = new Map<string, string[]>();
  armRecords.forEach((record, index) => {
    const label = fitText({ value: asText(record.label), max: 200, field: `Arm ${index + 1} label`, warnings });
    if (label === null) {
      warnings.push(`Arm ${index + 1} has no label and was skipped.`);
      return;
    }
    if (arms.some((arm) => arm.label === label)) warnings.push(`Arm label "${label}" appears more than once; interventions link to the first.`);
    // Observational groups have no type; OTHER is the honest default.
    const type = enumValue({ value: record.type, allowed: armTypeSchema.options, fallback: 'OTHER', field: `Arm "${label}" type`, warnings });
    arms.push({ label, type, description: fitText({ value: asText(record.description), max: 4000, field: `Arm "${label}" description`, warnings }) });
    armInterventionNames.set(label, asTexts(record.interventionNames).map((name) => name.toLowerCase()));
  });
  const armLabels = arms.map((arm) => arm.label);

  const interventions: InterventionInput[] = [];
  asRecords(module?.interventions).forEach((record, index) => {
    const name = fitText({ value: asText(record.name), max: 300, field: `Intervention ${index + 1} name`, warnings });
    if (name === null) {
      warnings.push(`Intervention ${index + 1} has no name and was skipped.`);
      return;
    }
    const type = enumValue({ value: record.type, allowed: interventionTypeSchema.options, fallback: 'OTHER', field: `Intervention "${name}" type`, warnings });
    const linked = new Set<string>();
    for (const wanted of asTexts(record.armGroupLabels)) {
      const label = findArmLabel(armLabels, wanted.length > 200 ? `${wanted.slice(0, 199).trimEnd()}…` : wanted);
      if (label === null) warnings.push(`Intervention "${name}" names arm "${wanted}", which the study does not list; that link was dropped.`);
      else linked.add(label);
    }
    // Arms also list their interventions as "Type: Name"; honour links stated only on that side.
    const typedName = `${String(record.type ?? '').replace(/_/g, ' ')}: ${name}`.toLowerCase();
    for (const [label, names] of armInterventionNames) {
      if (names.includes(typedName) || names.some((entry) => entry.endsWith(`: ${name.toLowerCase()}`))) linked.add(label);
    }
    interventions.push({
      type,
      name,
      description: fitText({ value: asText(record.description), max: 4000, field: `Intervention "${name}" description`, warnings }),
      armLabels: armLabels.filter((label) => linked.has(label)),
    });
  });

  if (!isInterventional) return { arms, interventions };
  const isDrug = (item: InterventionInput) => (item.type === 'DRUG' || item.type === 'BIOLOGICAL') && !NOT_A_DRUG.test(item.name);
  const studyDrug = interventions.find(isDrug)?.name ?? null;
  for (const arm of arms) {
    const linked = interventions.filter((item) => item.armLabels?.includes(arm.label));
    arm.suggestedDosing = suggestDosing({
      armText: [arm.label, arm.description ?? ''].join('\n'),
      interventionTexts: linked.map((item) => [item.name, item.description ?? ''].join(': ')),
      armType: arm.type,
      drugName: linked.find(isDrug)?.name ?? studyDrug,
    });
  }
  matchPlaceboArms(arms);
  return { arms, interventions };
}

/**
 * A placebo suggestion is only useful beside the active arm it mimics: without one it is dropped;
 * with exactly one active drug it takes that drug and route (a matched placebo), keeping its own schedule.
 */
function matchPlaceboArms(arms: ArmInput[]): void {
  const active = arms.flatMap((arm) => (arm.suggestedDosing && arm.suggestedDosing.doseMode !== 'PLACEBO' ? [arm.suggestedDosing] : []));
  const drugs = new Set(active.map((dosing) => `${dosing.drug}|${dosing.route}`));
  for (const arm of arms) {
    const dosing = arm.suggestedDosing;
    if (!dosing || dosing.doseMode !== 'PLACEBO') continue;
    if (active.length === 0) arm.suggestedDosing = null;
    else if (drugs.size === 1) arm.suggestedDosing = { ...dosing, drug: active[0].drug, route: active[0].route };
  }
}
