import { describe, expect, it } from 'vitest';
import { trialDraftSchema } from '@/lib/validations/trials';
import { mapStudy } from './map-study';

const base = (extra: Record<string, unknown> = {}) => ({
  identificationModule: {
    nctId: 'NCT01234567',
    briefTitle: 'Brief title',
    officialTitle: 'Official title',
    acronym: 'KETA',
    orgStudyIdInfo: { id: 'P-1' },
  },
  ...extra,
});

function mapped(extra: Record<string, unknown> = {}) {
  const result = mapStudy(base(extra), 'NCT01234567');
  // Whatever the input, the mapper's output must satisfy the schema.
  const parsed = trialDraftSchema.parse(result.draft);
  return { draft: parsed, warnings: result.warnings };
}

describe('mapStudy: titles', () => {
  it('uses the official title as title and the brief title as short title', () => {
    expect(mapped().draft).toMatchObject({ title: 'Official title', shortTitle: 'Brief title', protocolNumber: 'P-1' });
  });

  it('uses the brief title as title and the acronym as short title when there is no official title', () => {
    const result = mapStudy(
      { identificationModule: { nctId: 'NCT01234567', briefTitle: 'Brief title', acronym: 'KETA' } },
      'NCT01234567',
    );
    expect(result.draft).toMatchObject({ title: 'Brief title', shortTitle: 'KETA' });
  });

  it('falls back to the NCT id with a warning when there is no title', () => {
    const result = mapStudy({ identificationModule: { nctId: 'NCT01234567' } }, 'NCT01234567');
    expect(result.draft.title).toBe('NCT01234567');
    expect(result.warnings).toContain('The study has no title; the NCT id was used as the title.');
  });

  it('shortens an over-long title with a warning instead of failing', () => {
    const result = mapStudy(
      { identificationModule: { nctId: 'NCT01234567', officialTitle: 'x'.repeat(700) } },
      'NCT01234567',
    );
    expect(result.draft.title).toHaveLength(600);
    expect(result.warnings).toContain('Title was longer than 600 characters and was shortened.');
  });
});

describe('mapStudy: unknown values become warnings and safe defaults', () => {
  const { draft, warnings } = mapped({
    statusModule: {
      overallStatus: 'PAUSED',
      startDateStruct: { date: 'soon' },
      primaryCompletionDateStruct: { date: '2026-02' },
    },
    designModule: {
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE2', 'PHASE9'],
      designInfo: { allocation: 'SORT_OF', maskingInfo: { masking: 'BLINDFOLD' } },
      enrollmentInfo: { count: -3 },
    },
    armsInterventionsModule: {
      armGroups: [{ label: 'A', type: 'WEIRD' }, { label: '  ' }],
      interventions: [{ name: 'Thing', type: 'GADGET', armGroupLabels: ['A', 'Missing arm'] }, { type: 'DRUG' }],
    },
    eligibilityModule: { sex: 'BOTH', minimumAge: '6 Months', maximumAge: 'adult' },
  });

  it('never throws and produces a valid draft', () => {
    expect(draft.nctId).toBe('NCT01234567');
  });

  it.each([
    'Overall status "PAUSED" is not a known value; it was left empty.',
    'Start date "soon" is not a YYYY-MM or YYYY-MM-DD date; it was left empty.',
    'Phase "PHASE9" is not a known value; it was left empty.',
    'Allocation "SORT_OF" is not a known value; it was left empty.',
    'Masking "BLINDFOLD" is not a known value; it was left empty.',
    'Enrollment count "-3" is not a whole number; target enrollment was left empty.',
    'Arm "A" type "WEIRD" is not a known value; used OTHER.',
    'Arm 2 has no label and was skipped.',
    'Intervention "Thing" type "GADGET" is not a known value; used OTHER.',
    'Intervention "Thing" names arm "Missing arm", which the study does not list; that link was dropped.',
    'Intervention 2 has no name and was skipped.',
    'Maximum age "adult" is not an age the importer understands; it was kept as text only.',
    'Sex "BOTH" is not a ClinicalTrials.gov value the importer knows; no sex criterion was added.',
  ])('warns: %s', (warning) => {
    expect(warnings).toContain(warning);
  });

  it('uses the safe defaults', () => {
    expect(draft).toMatchObject({
      overallStatus: 'UNKNOWN',
      startDate: null,
      completionDate: '2026-02', // primary completion when there is no completion date
      phases: ['PHASE2'],
      allocation: null,
      masking: null,
      targetEnrollment: null,
    });
    expect(draft.arms).toEqual([
      {
        label: 'A',
        type: 'OTHER',
        description: null,
        allocationWeight: 1,
        dosing: null,
        suggestedDosing: null,
        dosingProvenance: null,
      },
    ]);
    expect(draft.interventions).toEqual([{ type: 'OTHER', name: 'Thing', description: null, armLabels: ['A'] }]);
  });

  it('keeps an age limit in months as text without a rule', () => {
    expect(draft.criteria).toEqual([
      { kind: 'INCLUSION', text: 'Age 6 Months to adult', rule: null, suggestedRule: null, provenance: null },
    ]);
  });
});

describe('mapStudy: people, places and outcomes', () => {
  it('keeps the first principal investigator and lists the others in a warning', () => {
    const { draft, warnings } = mapped({
      contactsLocationsModule: {
        overallOfficials: [
          { name: 'Dr Chair', role: 'STUDY_CHAIR' },
          { name: 'Dr One', role: 'PRINCIPAL_INVESTIGATOR' },
          { name: 'Dr Two', role: 'PRINCIPAL_INVESTIGATOR' },
        ],
        locations: [
          { facility: 'VA Clinic', city: 'Denver', state: 'Colorado', country: 'United States' },
          { zip: '80045' },
        ],
      },
    });
    expect(draft.principalInvestigator).toBe('Dr One');
    expect(warnings).toContain('The study lists 2 principal investigators; kept the first (Dr One). Others: Dr Two.');
    expect(draft.sites).toEqual([
      { facility: 'VA Clinic', city: 'Denver', state: 'Colorado', country: 'United States' },
    ]);
  });

  it('maps sponsors, conditions, summary and outcomes', () => {
    const { draft } = mapped({
      sponsorCollaboratorsModule: {
        leadSponsor: { name: 'University' },
        collaborators: [{ name: 'NIH' }, { class: 'OTHER' }],
      },
      conditionsModule: { conditions: ['Chronic Pain', ' '] },
      descriptionModule: { briefSummary: 'Summary.' },
      outcomesModule: {
        primaryOutcomes: [{ measure: 'Pain NRS', timeFrame: 'Day 14' }],
        secondaryOutcomes: [
          { measure: 'PHQ-9', description: 'Depression', timeFrame: 'Day 28' },
          { description: 'no measure' },
        ],
      },
    });
    expect(draft).toMatchObject({
      leadSponsor: 'University',
      collaborators: ['NIH'],
      conditions: ['Chronic Pain'],
      briefSummary: 'Summary.',
    });
    expect(draft.outcomes).toEqual([
      { kind: 'PRIMARY', measure: 'Pain NRS', description: null, timeFrame: 'Day 14' },
      { kind: 'SECONDARY', measure: 'PHQ-9', description: 'Depression', timeFrame: 'Day 28' },
    ]);
  });

  it('does not suggest dosing for observational studies', () => {
    const { draft } = mapped({
      designModule: { studyType: 'OBSERVATIONAL' },
      armsInterventionsModule: { armGroups: [{ label: 'Ketamine users', description: 'ketamine 0.5 mg/kg' }] },
    });
    expect(draft.arms[0].suggestedDosing).toBeNull();
  });

  it('drops a placebo suggestion when no active arm has one', () => {
    const { draft } = mapped({
      designModule: { studyType: 'INTERVENTIONAL' },
      armsInterventionsModule: {
        armGroups: [
          { label: 'Drug', type: 'EXPERIMENTAL', description: 'Study drug' },
          { label: 'Placebo', type: 'PLACEBO_COMPARATOR' },
        ],
      },
    });
    expect(draft.arms.map((arm) => arm.suggestedDosing)).toEqual([null, null]);
  });
});
