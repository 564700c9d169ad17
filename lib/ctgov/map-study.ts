import {
  allocationSchema,
  maskingSchema,
  overallStatusSchema,
  partialDateSchema,
  studyTypeSchema,
  trialPhaseSchema,
  type TrialDraftInput,
} from '@/lib/validations/trials';
import { asRecord, asRecords, asText, asTexts, fitText, pick, type JsonRecord } from './json-reading';
import { mapArmsAndInterventions } from './map-arms';
import { registryCriteria } from './registry-criteria';
import { splitEligibility } from './split-eligibility';
import { suggestRule } from './suggest-rule';

type Draft = TrialDraftInput;

function enumOrNull<T extends string>(options: {
  value: unknown;
  allowed: readonly T[];
  field: string;
  warnings: string[];
}): T | null {
  const text = asText(options.value);
  if (text === null) return null;
  if ((options.allowed as readonly string[]).includes(text)) return text as T;
  options.warnings.push(`${options.field} "${text}" is not a known value; it was left empty.`);
  return null;
}

function readDate(value: unknown, field: string, warnings: string[]): string | null {
  const text = asText(value);
  if (text === null) return null;
  if (partialDateSchema.safeParse(text).success) return text;
  warnings.push(`${field} "${text}" is not a YYYY-MM or YYYY-MM-DD date; it was left empty.`);
  return null;
}

function readPrincipalInvestigator(protocol: JsonRecord, warnings: string[]): string | null {
  const officials = asRecords(pick(protocol, 'contactsLocationsModule.overallOfficials')).filter(
    (o) => o.role === 'PRINCIPAL_INVESTIGATOR',
  );
  const names = officials.flatMap((official) => asText(official.name) ?? []);
  if (names.length > 1)
    warnings.push(
      `The study lists ${names.length} principal investigators; kept the first (${names[0]}). Others: ${names.slice(1).join('; ')}.`,
    );
  if (names.length > 0) return names[0];
  const party = asRecord(pick(protocol, 'sponsorCollaboratorsModule.responsibleParty'));
  const isInvestigator = party?.type === 'PRINCIPAL_INVESTIGATOR' || party?.type === 'SPONSOR_INVESTIGATOR';
  return isInvestigator ? asText(party?.investigatorFullName) : null;
}

function readSites(protocol: JsonRecord, warnings: string[]): NonNullable<Draft['sites']> {
  let unnamed = 0;
  const sites = asRecords(pick(protocol, 'contactsLocationsModule.locations')).flatMap((location) => {
    const [city, state, country] = [asText(location.city), asText(location.state), asText(location.country)];
    let facility = asText(location.facility);
    if (facility === null) {
      // Some sponsors publish only the city; name the site after it rather than drop it.
      facility = [city, state, country].filter((part) => part !== null).join(', ') || null;
      if (facility === null) return [];
      unnamed += 1;
    }
    const cut = (value: string | null) => (value !== null && value.length > 120 ? value.slice(0, 120) : value);
    return [{ facility: facility.slice(0, 300), city: cut(city), state: cut(state), country: cut(country) }];
  });
  if (unnamed > 0) warnings.push(`${unnamed} site(s) had no facility name and were named after their city.`);
  return sites;
}

function readOutcomes(protocol: JsonRecord, warnings: string[]): NonNullable<Draft['outcomes']> {
  const groups = [
    ['PRIMARY', 'primaryOutcomes'],
    ['SECONDARY', 'secondaryOutcomes'],
    ['OTHER', 'otherOutcomes'],
  ] as const;
  return groups.flatMap(([kind, key]) =>
    asRecords(pick(protocol, `outcomesModule.${key}`)).flatMap((outcome, index) => {
      const field = `${kind.toLowerCase()} outcome ${index + 1}`;
      const measure = fitText({ value: asText(outcome.measure), max: 1000, field: `The ${field} measure`, warnings });
      if (measure === null) return [];
      return [
        {
          kind,
          measure,
          description: fitText({
            value: asText(outcome.description),
            max: 4000,
            field: `The ${field} description`,
            warnings,
          }),
          timeFrame: fitText({
            value: asText(outcome.timeFrame),
            max: 1000,
            field: `The ${field} time frame`,
            warnings,
          }),
        },
      ];
    }),
  );
}

function readCriteria(protocol: JsonRecord, warnings: string[]): NonNullable<Draft['criteria']> {
  const eligibility = asRecord(protocol.eligibilityModule);
  const criteria = registryCriteria(eligibility, warnings);
  const splitWarnings: string[] = [];
  const { items, notes } = splitEligibility(asText(eligibility?.eligibilityCriteria), splitWarnings);
  for (const note of notes) warnings.push(`Registry note (not imported as a criterion): ${note}`);
  warnings.push(...splitWarnings);
  items.forEach((item, index) => {
    const text = fitText({ value: item.text, max: 4000, field: `Criterion ${index + 1}`, warnings }) ?? item.text;
    const isShortened = text !== item.text;
    criteria.push({
      kind: item.kind,
      text,
      rule: null,
      suggestedRule: isShortened ? null : suggestRule(item.text, item.kind),
    });
  });
  return criteria;
}

/** Maps one API v2 study (its NCT id already checked) to a draft; everything doubtful becomes a warning. */
export function mapStudy(protocol: JsonRecord, nctId: string): { draft: Draft; warnings: string[] } {
  const warnings: string[] = [];
  const id = asRecord(protocol.identificationModule);
  const officialTitle = asText(id?.officialTitle);
  const briefTitle = asText(id?.briefTitle);
  if (officialTitle === null && briefTitle === null)
    warnings.push('The study has no title; the NCT id was used as the title.');
  const designType = asText(pick(protocol, 'designModule.studyType'));
  // The draft needs a study type; filling one in is a default the admin must see, never a silent one.
  if (asRecord(protocol.designModule) === null) {
    warnings.push(
      'The study has no design module: study type was set to INTERVENTIONAL; phases, allocation, masking and target enrollment were left empty. Check them on the trial page.',
    );
  } else if (designType === null) {
    warnings.push('The study has no study type; it was set to INTERVENTIONAL. Check it on the trial page.');
  }
  const studyType =
    enumOrNull({ value: designType, allowed: studyTypeSchema.options, field: 'Study type', warnings }) ??
    'INTERVENTIONAL';
  const status = asText(pick(protocol, 'statusModule.overallStatus'));
  const overallStatus =
    enumOrNull({ value: status, allowed: overallStatusSchema.options, field: 'Overall status', warnings }) ?? 'UNKNOWN';
  const phases = asTexts(pick(protocol, 'designModule.phases')).flatMap(
    (phase) => enumOrNull({ value: phase, allowed: trialPhaseSchema.options, field: 'Phase', warnings }) ?? [],
  );
  const count = pick(protocol, 'designModule.enrollmentInfo.count');
  const isCountValid = typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= 1_000_000;
  if (count !== undefined && !isCountValid)
    warnings.push(`Enrollment count "${String(count)}" is not a whole number; target enrollment was left empty.`);
  const { arms, interventions } = mapArmsAndInterventions({
    module: asRecord(protocol.armsInterventionsModule),
    isInterventional: studyType === 'INTERVENTIONAL',
    warnings,
  });

  const draft: Draft = {
    nctId,
    protocolNumber: fitText({
      value: asText(pick(id, 'orgStudyIdInfo.id')),
      max: 100,
      field: 'Protocol number',
      warnings,
    }),
    title: fitText({ value: officialTitle ?? briefTitle ?? nctId, max: 600, field: 'Title', warnings }) ?? nctId,
    // The acronym has no field of its own; it serves as the short title only when the brief title is the title.
    shortTitle: fitText({
      value: officialTitle !== null ? briefTitle : asText(id?.acronym),
      max: 200,
      field: 'Short title',
      warnings,
    }),
    phases: [...new Set(phases)],
    overallStatus,
    studyType,
    allocation: enumOrNull({
      value: pick(protocol, 'designModule.designInfo.allocation'),
      allowed: allocationSchema.options,
      field: 'Allocation',
      warnings,
    }),
    masking: enumOrNull({
      value: pick(protocol, 'designModule.designInfo.maskingInfo.masking'),
      allowed: maskingSchema.options,
      field: 'Masking',
      warnings,
    }),
    leadSponsor: fitText({
      value: asText(pick(protocol, 'sponsorCollaboratorsModule.leadSponsor.name')),
      max: 300,
      field: 'Lead sponsor',
      warnings,
    }),
    collaborators: asRecords(pick(protocol, 'sponsorCollaboratorsModule.collaborators')).flatMap(
      (c) => asText(c.name)?.slice(0, 300) ?? [],
    ),
    principalInvestigator: fitText({
      value: readPrincipalInvestigator(protocol, warnings),
      max: 200,
      field: 'Principal investigator',
      warnings,
    }),
    sites: readSites(protocol, warnings),
    conditions: asTexts(pick(protocol, 'conditionsModule.conditions')).map((condition) => condition.slice(0, 300)),
    targetEnrollment: isCountValid ? count : null,
    startDate: readDate(pick(protocol, 'statusModule.startDateStruct.date'), 'Start date', warnings),
    completionDate: readDate(
      pick(protocol, 'statusModule.completionDateStruct.date') ??
        pick(protocol, 'statusModule.primaryCompletionDateStruct.date'),
      'Completion date',
      warnings,
    ),
    briefSummary: fitText({
      value: asText(pick(protocol, 'descriptionModule.briefSummary')),
      max: 20_000,
      field: 'Brief summary',
      warnings,
    }),
    coverageNote: null,
    arms,
    interventions,
    criteria: readCriteria(protocol, warnings),
    outcomes: readOutcomes(protocol, warnings),
    assessmentPlan: [],
  };
  if (status === null) warnings.push('The study has no overall status; it was set to UNKNOWN.');
  return { draft, warnings };
}
