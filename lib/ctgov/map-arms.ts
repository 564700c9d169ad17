import { dosingProtocolSchema } from '@/lib/validations/dosing';
import { armTypeSchema, interventionTypeSchema, type TrialDraftInput } from '@/lib/validations/trials';
import { asRecords, asText, asTexts, fitText, type JsonRecord } from './json-reading';
import { explainDosing, type PlaceboExtensionWindow } from './suggest-dosing';

type ArmInput = NonNullable<TrialDraftInput['arms']>[number];
type InterventionInput = NonNullable<TrialDraftInput['interventions']>[number];

const NOT_A_DRUG = /\b(?:placebo|saline|vehicle|sham|sugar pill)\b/i;

function enumValue<T extends string>(options: {
  value: unknown;
  allowed: readonly T[];
  fallback: T;
  field: string;
  warnings: string[];
}): T {
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
    if (arms.some((arm) => arm.label === label))
      warnings.push(`Arm label "${label}" appears more than once; interventions link to the first.`);
    // Observational groups have no type; OTHER is the honest default. An interventional arm without one may be a placebo arm.
    if (isInterventional && asText(record.type) === null)
      warnings.push(
        `Arm "${label}" has no type in the registry; it was recorded as OTHER. Check it on the trial page.`,
      );
    const type = enumValue({
      value: record.type,
      allowed: armTypeSchema.options,
      fallback: 'OTHER',
      field: `Arm "${label}" type`,
      warnings,
    });
    arms.push({
      label,
      type,
      description: fitText({
        value: asText(record.description),
        max: 4000,
        field: `Arm "${label}" description`,
        warnings,
      }),
    });
    armInterventionNames.set(
      label,
      asTexts(record.interventionNames).map((name) => name.toLowerCase()),
    );
  });
  const armLabels = arms.map((arm) => arm.label);

  const interventions: InterventionInput[] = [];
  const interventionRecords = asRecords(module?.interventions);
  interventionRecords.forEach((record, index) => {
    const name = fitText({ value: asText(record.name), max: 300, field: `Intervention ${index + 1} name`, warnings });
    if (name === null) {
      warnings.push(`Intervention ${index + 1} has no name and was skipped.`);
      return;
    }
    // A missing type would silently make a drug "OTHER" (and drop its dosing); say so.
    if (asText(record.type) === null)
      warnings.push(
        `Intervention "${name}" has no type in the registry; it was recorded as OTHER. Check it on the trial page.`,
      );
    const type = enumValue({
      value: record.type,
      allowed: interventionTypeSchema.options,
      fallback: 'OTHER',
      field: `Intervention "${name}" type`,
      warnings,
    });
    const linked = new Set<string>();
    for (const wanted of asTexts(record.armGroupLabels)) {
      const label = findArmLabel(armLabels, wanted.length > 200 ? `${wanted.slice(0, 199).trimEnd()}…` : wanted);
      if (label === null)
        warnings.push(
          `Intervention "${name}" names arm "${wanted}", which the study does not list; that link was dropped.`,
        );
      else linked.add(label);
    }
    // Arms also list their interventions as "Type: Name"; honour links stated only on that side, unless another
    // intervention has the same name: then "Drug: Ketamine" on an arm cannot say which of them it means.
    const typedName = `${String(record.type ?? '').replace(/_/g, ' ')}: ${name}`.toLowerCase();
    const sameName = interventionRecords.filter((other) => asText(other.name)?.toLowerCase() === name.toLowerCase());
    const sameTypedName = sameName.filter(
      (other) => `${String(other.type ?? '').replace(/_/g, ' ')}: ${asText(other.name)}`.toLowerCase() === typedName,
    );
    for (const [label, names] of armInterventionNames) {
      const isTypedLink = names.includes(typedName) && sameTypedName.length === 1;
      const isNameLink = sameName.length === 1 && names.some((entry) => entry.endsWith(`: ${name.toLowerCase()}`));
      if (isTypedLink || isNameLink) linked.add(label);
    }
    if (sameName.length > 1 && linked.size === 0) {
      warnings.push(
        `${sameName.length} interventions are named "${name}" and this one names no arm of its own; it was linked to no arm.`,
      );
    }
    interventions.push({
      type,
      name,
      description: fitText({
        value: asText(record.description),
        max: 4000,
        field: `Intervention "${name}" description`,
        warnings,
      }),
      armLabels: armLabels.filter((label) => linked.has(label)),
    });
  });

  if (!isInterventional) return { arms, interventions };
  suggestArmDosing(arms, interventions, warnings);
  return { arms, interventions };
}

const isDrug = (item: InterventionInput) =>
  (item.type === 'DRUG' || item.type === 'BIOLOGICAL') && !NOT_A_DRUG.test(item.name);

/** Each arm's suggestion reads only the arm's own drug: another drug's dose or route never becomes this arm's. */
function suggestArmDosing(arms: ArmInput[], interventions: InterventionInput[], warnings: string[]): void {
  const studyDrug = interventions.find(isDrug)?.name ?? null;
  const drugNames = [...new Set(interventions.filter(isDrug).map((item) => item.name))];
  const placeboWindows = new Map<string, PlaceboExtensionWindow>();
  const openRoutes = new Set<string>();
  const refused: Array<{ arm: ArmInput; notes: string[] }> = [];
  for (const arm of arms) {
    const linked = interventions.filter((item) => item.armLabels?.includes(arm.label));
    const drugName = linked.find(isDrug)?.name ?? studyDrug;
    const key = (text: string) => text.toLowerCase();
    const own = linked.filter((item) => !isDrug(item) || key(item.name) === key(drugName ?? ''));
    const suggestion = explainDosing({
      armText: [arm.label, arm.description ?? ''].join('\n'),
      interventionTexts: own.map((item) => [item.name, item.description ?? ''].join(': ')),
      armType: arm.type,
      drugName,
      otherDrugNames: drugNames.filter((name) => key(name) !== key(drugName ?? '')),
      isRouteRequired: true,
    });
    arm.suggestedDosing = suggestion.dosing;
    if (suggestion.placeboExtension !== null) placeboWindows.set(arm.label, suggestion.placeboExtension);
    if (suggestion.dosing !== null && !suggestion.isRouteStated) openRoutes.add(arm.label);
    if (suggestion.dosing === null && suggestion.notes.length > 0) refused.push({ arm, notes: suggestion.notes });
  }
  // A placebo arm's reading matters only beside an active suggestion (see matchPlaceboArms).
  const hasActive = arms.some((arm) => arm.suggestedDosing && arm.suggestedDosing.doseMode !== 'PLACEBO');
  for (const { arm, notes } of refused) {
    const isPlacebo = arm.type === 'PLACEBO_COMPARATOR' || arm.type === 'SHAM_COMPARATOR';
    if (!isPlacebo || hasActive) warnings.push(`Arm "${arm.label}": no dosing suggested because ${notes.join('; ')}.`);
  }
  matchPlaceboArms({ arms, placeboWindows, openRoutes, warnings });
}

/**
 * A placebo suggestion is only useful beside the active arm it mimics: without one it is dropped;
 * with exactly one active drug it takes that drug and route (a matched placebo), keeping its own schedule,
 * and its open-label extension gets the active arm's dose (the extension gives the active drug).
 */
function matchPlaceboArms(options: {
  arms: ArmInput[];
  placeboWindows: Map<string, PlaceboExtensionWindow>;
  openRoutes: Set<string>;
  warnings: string[];
}): void {
  const { arms, placeboWindows, openRoutes, warnings } = options;
  const active = arms.flatMap((arm) =>
    arm.suggestedDosing && arm.suggestedDosing.doseMode !== 'PLACEBO' ? [arm.suggestedDosing] : [],
  );
  const drugs = new Set(active.map((dosing) => `${dosing.drug}|${dosing.route}`));
  const doses = new Set(active.map((dosing) => `${dosing.mgPerKg}|${dosing.fixedMg}|${dosing.weightBasis}`));
  for (const arm of arms) {
    const dosing = arm.suggestedDosing;
    if (!dosing || dosing.doseMode !== 'PLACEBO') continue;
    if (active.length === 0) {
      arm.suggestedDosing = null;
      continue;
    }
    if (drugs.size !== 1) {
      if (openRoutes.has(arm.label)) {
        arm.suggestedDosing = null;
        warnings.push(
          `Arm "${arm.label}": no dosing suggested because the placebo names no route and the active arms use different drugs or routes.`,
        );
      }
      continue;
    }
    const [match] = active;
    let extension = null;
    const window = placeboWindows.get(arm.label);
    if (window !== undefined && doses.size === 1) {
      extension = {
        label: window.isOptional ? 'Optional open-label infusion' : 'Open-label infusion',
        isOptional: window.isOptional,
        minDaysAfterLastSession: window.minDays,
        maxDaysAfterLastSession: window.maxDays,
        mgPerKg: match.mgPerKg,
        fixedMg: match.fixedMg,
        isOpenLabel: true,
      };
    } else if (window !== undefined) {
      warnings.push(
        `Arm "${arm.label}": its open-label extension was not suggested because the active arms give different doses; add it on the trial page.`,
      );
    }
    const matched = { ...dosing, drug: match.drug, route: match.route };
    // The extension gives the active dose, so it keeps the active arm's weight basis and cap.
    const withExtension = dosingProtocolSchema.safeParse(
      extension === null
        ? matched
        : {
            ...matched,
            extension,
            weightBasis: extension.mgPerKg !== null ? match.weightBasis : null,
            maxMgPerSession: match.maxMgPerSession,
          },
    );
    arm.suggestedDosing = withExtension.success ? withExtension.data : matched;
    if (!withExtension.success)
      warnings.push(`Arm "${arm.label}": its open-label extension could not be suggested; add it on the trial page.`);
  }
}
