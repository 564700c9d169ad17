import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NCT06419439_DOSING } from '@/lib/validations/dosing';
import { trialDraftSchema, type TrialDraft } from '@/lib/validations/trials';
import { parseStudies, parseStudiesText, type ParsedStudy } from './parse-studies';

const FIXTURE_DIR = join(__dirname, 'fixtures');
const FIXTURES = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

/** The parts of a registry record these tests read. */
type RawProtocol = {
  identificationModule: {
    nctId: string;
    briefTitle?: string;
    officialTitle?: string;
    orgStudyIdInfo?: { id?: string };
  };
  statusModule: { overallStatus: string };
  designModule: { studyType: string; phases?: string[]; enrollmentInfo?: { count?: number } };
  sponsorCollaboratorsModule: { leadSponsor: { name: string } };
  conditionsModule?: { conditions?: string[] };
  contactsLocationsModule?: { locations?: unknown[] };
  armsInterventionsModule?: {
    armGroups?: unknown[];
    interventions?: Array<{ name: string; armGroupLabels?: string[] }>;
  };
  eligibilityModule: { eligibilityCriteria: string; minimumAge?: string; maximumAge?: string; sex?: string };
};
type RawStudy = { protocolSection: RawProtocol };

function loadFixture(name: string): { json: unknown; study: RawStudy } {
  const json = JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8'));
  return { json, study: 'studies' in json ? json.studies[0] : json };
}

function parseOk(json: unknown): ParsedStudy[] {
  const result = parseStudies(json);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.drafts;
}

function draftOf(name: string): TrialDraft {
  return parseOk(loadFixture(name).json)[0].draft;
}

/** The criteria split from the Markdown: the registry's age and sex criteria come first. */
function markdownCriteria(draft: TrialDraft, eligibility: RawProtocol['eligibilityModule']): TrialDraft['criteria'] {
  const registryCount =
    (eligibility.minimumAge || eligibility.maximumAge ? 1 : 0) +
    (eligibility.sex === 'FEMALE' || eligibility.sex === 'MALE' ? 1 : 0);
  return draft.criteria.slice(registryCount);
}

const HEADING_LINE = /^\W*(?:key\s+)?(?:inclusion|exclusion|eligibility)(?:\s+criteria)?\s*:?\W*$/im;

describe('parseStudies: every fixture', () => {
  it('has fixtures to check', () => {
    expect(FIXTURES.length).toBe(16);
  });

  describe.each(FIXTURES)('%s', (name) => {
    const { json, study } = loadFixture(name);
    const protocol = study.protocolSection;
    const result = parseStudies(json);
    const drafts = result.ok ? result.drafts : [];
    const draft = drafts[0]?.draft;

    it('parses into one valid draft whose NCT id matches the file name', () => {
      expect(result.ok).toBe(true);
      expect(drafts).toHaveLength(1);
      expect(draft.nctId).toBe(name.replace('.json', ''));
      expect(trialDraftSchema.safeParse(draft).success).toBe(true);
    });

    it('maps identification, status and design', () => {
      const id = protocol.identificationModule;
      expect(draft.title).toBe(id.officialTitle ?? id.briefTitle);
      if (id.officialTitle) expect(draft.shortTitle).toBe(id.briefTitle);
      expect(draft.protocolNumber).toBe(id.orgStudyIdInfo?.id ?? null);
      expect(draft.overallStatus).toBe(protocol.statusModule.overallStatus);
      expect(draft.studyType).toBe(protocol.designModule.studyType);
      expect(draft.phases).toEqual(protocol.designModule.phases ?? []);
      expect(draft.targetEnrollment).toBe(protocol.designModule.enrollmentInfo?.count ?? null);
      expect(draft.leadSponsor).toBe(protocol.sponsorCollaboratorsModule.leadSponsor.name);
      expect(draft.conditions).toEqual(protocol.conditionsModule?.conditions ?? []);
      expect(draft.sites).toHaveLength(protocol.contactsLocationsModule?.locations?.length ?? 0);
    });

    it('keeps one arm per arm group and links each intervention to the arms it names', () => {
      const module = protocol.armsInterventionsModule ?? {};
      expect(draft.arms).toHaveLength(module.armGroups?.length ?? 0);
      expect(draft.interventions).toHaveLength(module.interventions?.length ?? 0);
      for (const intervention of module.interventions ?? []) {
        const mapped = draft.interventions.find((item) => item.name === intervention.name);
        expect(mapped?.armLabels).toEqual(expect.arrayContaining(intervention.armGroupLabels ?? []));
        for (const label of mapped?.armLabels ?? []) expect(draft.arms.map((arm) => arm.label)).toContain(label);
      }
    });

    it('splits the criteria into clean inclusion (and exclusion) items', () => {
      const raw: string = protocol.eligibilityModule.eligibilityCriteria;
      const items = markdownCriteria(draft, protocol.eligibilityModule);
      expect(items.filter((item) => item.kind === 'INCLUSION').length).toBeGreaterThanOrEqual(1);
      const hasExclusionSection = /^\W*(?:key\s+)?exclusion\s+criteria/im.test(raw);
      expect(items.some((item) => item.kind === 'EXCLUSION')).toBe(hasExclusionSection);
      for (const item of draft.criteria) {
        expect(item.text).not.toMatch(/\\[!-/:-@[-`{-~]/);
        expect(item.text).not.toMatch(HEADING_LINE);
        expect(item.text).toBe(item.text.trim());
        expect(item.text.length).toBeGreaterThan(0);
      }
    });

    it('keeps every rule and dosing a suggestion', () => {
      for (const criterion of draft.criteria) expect(criterion.rule).toBeNull();
      for (const arm of draft.arms) expect(arm.dosing).toBeNull();
    });
  });
});

describe('parseStudies: specific fixture content', () => {
  it('keeps sub-bullets with their parent (NCT02552212)', () => {
    const texts = draftOf('NCT02552212.json').criteria.map((criterion) => criterion.text);
    expect(texts).toContain(
      'Active disease at Screening as defined by\n- Bath Ankylosing Spondylitis Disease Activity Index (BASDAI) score >= 4\n- Spinal pain >= 4 on a 0 to 10 Numerical Rating Scale (NRS)',
    );
  });

  it('keeps nested numbered items and drops the trailing empty bullet (NCT04207047)', () => {
    const criteria = draftOf('NCT04207047.json').criteria;
    expect(criteria.map((criterion) => criterion.text)).toContain(
      'History or current use of the following medications:\n' +
        '- Daily anticoagulants, aspirin, iron supplements, herbal supplements or ointments such as ginkgo, ginseng or garlic;\n' +
        '- Topical retinoid in the exposure area within the past one week; and Protocol Number: L18006 v5.0 11192018 Page 9 of 52\n' +
        '- Psychiatric drugs that in the investigators opinion would impair the subject from understanding the protocol requirements or understanding and signing the informed consent.',
    );
    expect(criteria.filter((criterion) => criterion.kind === 'EXCLUSION')).toHaveLength(19);
  });

  it('unescapes comparators and suggests the lab rule (NCT04431453)', () => {
    const criterion = draftOf('NCT04431453.json').criteria.find((item) => item.text.startsWith('Alanine'));
    expect(criterion).toEqual({
      kind: 'EXCLUSION',
      text: 'Alanine Aminotransferase (ALT) or aspartate aminotransferase (AST) > 5 X upper limit of normal (ULN).',
      rule: null,
      provenance: null,
      suggestedRule: {
        kind: 'any',
        rules: [
          { kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 5 },
          { kind: 'lab', lab: 'ast', reference: 'uln', op: 'gt', value: 5 },
        ],
      },
    });
  });

  it('prefixes participant groups and reads a lower-case exclusion heading (NCT03630471)', () => {
    const criteria = draftOf('NCT03630471.json').criteria;
    expect(criteria.at(-1)).toEqual({
      kind: 'EXCLUSION',
      text: 'For parent participants: Intoxicated at the point of consent or assessment',
      rule: null,
      provenance: null,
      suggestedRule: null,
    });
  });

  it('turns registry age and sex limits into suggested inclusion criteria (NCT06388018, NCT00763412)', () => {
    expect(draftOf('NCT06388018.json').criteria.slice(0, 2)).toEqual([
      {
        kind: 'INCLUSION',
        text: 'Age 18 Years or older',
        rule: null,
        provenance: null,
        suggestedRule: { kind: 'number', measure: 'age_years', op: 'gte', value: 18 },
      },
      {
        kind: 'INCLUSION',
        text: 'Sex: female',
        rule: null,
        suggestedRule: { kind: 'sex', anyOf: ['female'] },
        provenance: null,
      },
    ]);
    expect(draftOf('NCT00763412.json').criteria[0]).toEqual({
      kind: 'INCLUSION',
      text: 'Age 12 Years to 24 Years',
      rule: null,
      provenance: null,
      suggestedRule: { kind: 'number', measure: 'age_years', op: 'between', value: 12, max: 24 },
    });
  });

  it('maps the principal investigator, completion date and unnamed sites', () => {
    expect(draftOf('NCT03418623.json').principalInvestigator).toBe('Raymond F Anton, MD');
    expect(draftOf('NCT00763412.json').principalInvestigator).toBe('Ana Maria Arbelaez'); // responsible party
    expect(draftOf('NCT02513394.json').completionDate).toBe('2025-09');
    const [{ draft, warnings }] = parseOk(loadFixture('NCT02210780.json').json);
    expect(draft.sites[0]).toEqual({
      facility: 'Birmingham, Alabama, United States',
      city: 'Birmingham',
      state: 'Alabama',
      country: 'United States',
    });
    expect(warnings).toContain('42 site(s) had no facility name and were named after their city.');
  });

  it('defaults a missing arm type to OTHER (NCT06323538)', () => {
    expect(draftOf('NCT06323538.json').arms.map((arm) => arm.type)).toEqual(['OTHER', 'OTHER', 'OTHER', 'OTHER']);
  });
});

const MINIMAL = {
  protocolSection: { identificationModule: { nctId: 'NCT01234567', briefTitle: 'Ketamine for pain' } },
};

describe('parseStudies: invalid documents', () => {
  it.each([null, 42, 'text', true, [], [MINIMAL]])('rejects %j as not a study document', (json) => {
    expect(parseStudies(json)).toEqual({
      ok: false,
      errors: { _: [expect.stringContaining('ClinicalTrials.gov API v2')] },
    });
  });

  it('rejects an object without protocolSection', () => {
    expect(parseStudies({ nctId: 'NCT01234567' })).toEqual({
      ok: false,
      errors: { protocolSection: ['Not a ClinicalTrials.gov API v2 study: protocolSection is missing.'] },
    });
  });

  it('rejects a study without an NCT id', () => {
    expect(parseStudies({ protocolSection: { identificationModule: { briefTitle: 'x' } } })).toEqual({
      ok: false,
      errors: { 'protocolSection.identificationModule.nctId': ['The study has no NCT id.'] },
    });
    expect(parseStudies({ protocolSection: {} }).ok).toBe(false);
  });

  it('rejects a malformed NCT id', () => {
    const result = parseStudies({ protocolSection: { identificationModule: { nctId: 'NCT123' } } });
    expect(result).toEqual({
      ok: false,
      errors: {
        'protocolSection.identificationModule.nctId': ['"NCT123" is not an NCT id (NCT followed by 8 digits).'],
      },
    });
  });

  it('rejects "studies" that is not a list, or an empty list', () => {
    expect(parseStudies({ studies: { protocolSection: {} } })).toEqual({
      ok: false,
      errors: { studies: ['"studies" must be a list of studies.'] },
    });
    expect(parseStudies({ studies: [] })).toEqual({
      ok: false,
      errors: { studies: ['The file contains no studies.'] },
    });
  });

  it('reports each bad study in a list by its path and returns no drafts', () => {
    const result = parseStudies({
      studies: [MINIMAL, 7, { protocolSection: { identificationModule: {} } }, { hasResults: false }],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        'studies.1': ['A study must be a JSON object.'],
        'studies.2.protocolSection.identificationModule.nctId': ['The study has no NCT id.'],
        'studies.3.protocolSection': ['Not a ClinicalTrials.gov API v2 study: protocolSection is missing.'],
      },
    });
  });

  it('parses every study of a valid list and warns about duplicates', () => {
    const drafts = parseOk({ studies: [MINIMAL, MINIMAL] });
    expect(drafts).toHaveLength(2);
    expect(drafts[1].warnings).toContain('NCT01234567 appears more than once in the file.');
  });
});

describe('parseStudiesText', () => {
  it.each(['', '{', 'not json', '{"a":1,}'])('reports invalid JSON %j', (text) => {
    expect(parseStudiesText(text)).toEqual({ ok: false, errors: { _: ['The file is not valid JSON'] } });
  });

  it('parses valid JSON text', () => {
    const result = parseStudiesText(JSON.stringify(MINIMAL));
    expect(result.ok && result.drafts[0].draft.nctId).toBe('NCT01234567');
  });

  it('parses a real fixture file', () => {
    const result = parseStudiesText(readFileSync(join(FIXTURE_DIR, 'NCT03281889.json'), 'utf8'));
    expect(result.ok && result.drafts[0].draft.arms[0].label).toBe('Proton Radiotherapy');
  });
});

describe('parseStudies: the ketamine worked example', () => {
  const study = {
    protocolSection: {
      identificationModule: { nctId: 'nct06419439', briefTitle: 'Ketamine for chronic pain' },
      designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE2'] },
      armsInterventionsModule: {
        armGroups: [
          {
            label: 'Ketamine',
            type: 'EXPERIMENTAL',
            description: 'Participants will receive four twice-weekly IV infusions of ketamine 0.5 mg/kg.',
            interventionNames: ['Drug: Ketamine'],
          },
          {
            label: 'Saline',
            type: 'PLACEBO_COMPARATOR',
            description: 'Participants will receive four twice-weekly IV infusions of normal saline.',
            interventionNames: ['Drug: Saline'],
          },
        ],
        interventions: [
          { type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] },
          { type: 'DRUG', name: 'Saline' },
        ],
      },
      eligibilityModule: {
        eligibilityCriteria:
          'Inclusion Criteria:\n\n* PHQ-9 total score \\>= 10\n\nExclusion Criteria:\n\n* BMI \\> 40 kg/m2',
        minimumAge: '18 Years',
        maximumAge: '65 Years',
        sex: 'ALL',
      },
    },
  };

  it('upper-cases the NCT id, suggests dosing per arm and rules per criterion', () => {
    const [{ draft }] = parseOk(study);
    expect(draft.nctId).toBe('NCT06419439');
    // The registry text states no spacing; the seed's 48 h / 7 days are clinic assumptions, never suggested.
    expect(draft.arms[0].suggestedDosing).toEqual({
      ...NCT06419439_DOSING,
      minHoursBetweenSessions: null,
      maxDaysBetweenSessions: null,
    });
    expect(draft.arms[1].suggestedDosing).toMatchObject({
      drug: 'ketamine',
      doseMode: 'PLACEBO',
      sessionCount: 4,
      sessionsPerWeek: 2,
      mgPerKg: null,
    });
    // Linked from the arm's interventionNames although the intervention lists no arm.
    expect(draft.interventions[1].armLabels).toEqual(['Saline']);
    expect(draft.criteria).toEqual([
      {
        kind: 'INCLUSION',
        text: 'Age 18 Years to 65 Years',
        rule: null,
        provenance: null,
        suggestedRule: { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 },
      },
      {
        kind: 'INCLUSION',
        text: 'PHQ-9 total score >= 10',
        rule: null,
        provenance: null,
        suggestedRule: { kind: 'number', measure: 'phq9_total', op: 'gte', value: 10 },
      },
      {
        kind: 'EXCLUSION',
        text: 'BMI > 40 kg/m2',
        rule: null,
        provenance: null,
        suggestedRule: { kind: 'number', measure: 'bmi', op: 'gt', value: 40 },
      },
    ]);
  });
});
