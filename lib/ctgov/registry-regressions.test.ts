import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudies, type ParsedStudy } from './parse-studies';
import { isOlderRegistryVersion, readLastUpdatePosted } from './registry-version';

// Regressions from the review of main on real registry text. Each study starts from a shared record
// (lib/ctgov/fixtures = /work/shared/ctgov) and swaps in the wording that used to be misread.

const FIXTURES = path.join(process.cwd(), 'lib/ctgov/fixtures');
type Study = { protocolSection: Record<string, any> };

function record(nct: string): Study {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${nct}.json`), 'utf8')) as Study;
}

function parseOne(study: Study): ParsedStudy {
  const result = parseStudies(study);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.drafts[0];
}

/** NCT03418623 (GET73 vs placebo, two arms) with its arms and interventions replaced. */
function withArms(arms: Array<Record<string, unknown>>, interventions: Array<Record<string, unknown>>): Study {
  const study = record('NCT03418623');
  study.protocolSection.armsInterventionsModule = { armGroups: arms, interventions };
  return study;
}

/** NCT03418623 with its eligibility text replaced. */
function withEligibility(text: string): Study {
  const study = record('NCT03418623');
  study.protocolSection.eligibilityModule.eligibilityCriteria = text;
  return study;
}

const KETAMINE_ARM = {
  label: 'Ketamine',
  type: 'EXPERIMENTAL',
  description: 'Ketamine 0.5 mg/kg IV as a 40-min infusion, twice weekly for 2 weeks.',
  interventionNames: ['Drug: Ketamine'],
};

describe('registry regressions: dosing', () => {
  it('reads "40-min infusion" as a duration, not as 4 sessions', () => {
    const ketamine = [{ type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] }];
    const { draft } = parseOne(
      withArms(
        [{ ...KETAMINE_ARM, description: 'Ketamine 0.5 mg/kg IV as a 40-min infusion, once weekly.' }],
        ketamine,
      ),
    );
    expect(draft.arms[0].suggestedDosing).toMatchObject({
      mgPerKg: 0.5,
      route: 'IV',
      infusionMinutes: 40,
      sessionCount: 1,
      sessionsPerWeek: 1,
    });
    const series = parseOne(withArms([KETAMINE_ARM], ketamine));
    expect(series.draft.arms[0].suggestedDosing).toMatchObject({
      infusionMinutes: 40,
      sessionCount: 4,
      sessionsPerWeek: 2,
    });
  });

  it('gives the placebo arm its open-label extension at the active dose and cap', () => {
    const { draft } = parseOne(
      withArms(
        [
          {
            ...KETAMINE_ARM,
            description: 'A single infusion of ketamine 0.5 mg/kg (maximum dose of 50 mg) infused over 40 minutes.',
          },
          {
            label: 'Placebo',
            type: 'PLACEBO_COMPARATOR',
            description:
              'A single infusion of normal saline over 40 minutes. Participants may choose to receive an optional open-label ketamine infusion 1-7 days after the blinded infusion.',
            interventionNames: ['Drug: Placebo'],
          },
        ],
        [
          { type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] },
          { type: 'DRUG', name: 'Placebo', armGroupLabels: ['Placebo'] },
        ],
      ),
    );
    expect(draft.arms[1].suggestedDosing).toMatchObject({
      drug: 'ketamine',
      route: 'IV',
      doseMode: 'PLACEBO',
      weightBasis: 'ACTUAL',
      maxMgPerSession: 50,
      extension: {
        isOptional: true,
        minDaysAfterLastSession: 1,
        maxDaysAfterLastSession: 7,
        mgPerKg: 0.5,
        fixedMg: null,
        isOpenLabel: true,
      },
    });
  });

  it('never reads a dose off another drug in the same arm, and says why', () => {
    const { draft, warnings } = parseOne(
      withArms(
        [
          {
            label: 'Ketamine + ondansetron',
            type: 'EXPERIMENTAL',
            description: 'Ketamine IV infusion. Ondansetron 4 mg before each infusion.',
            interventionNames: ['Drug: Ketamine', 'Drug: Ondansetron'],
          },
        ],
        [
          {
            type: 'DRUG',
            name: 'Ketamine',
            description: 'Racemic ketamine',
            armGroupLabels: ['Ketamine + ondansetron'],
          },
          {
            type: 'DRUG',
            name: 'Ondansetron',
            description: 'Ondansetron 4 mg IV',
            armGroupLabels: ['Ketamine + ondansetron'],
          },
        ],
      ),
    );
    expect(draft.arms[0].suggestedDosing).toBeNull();
    const mixed = parseOne(
      withArms(
        [
          {
            label: 'Ketamine',
            type: 'EXPERIMENTAL',
            description: 'Ketamine 0.5 mg/kg IV with midazolam 2 mg.',
            interventionNames: ['Drug: Ketamine', 'Drug: Midazolam'],
          },
        ],
        [
          { type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] },
          { type: 'DRUG', name: 'Midazolam', armGroupLabels: ['Ketamine'] },
        ],
      ),
    );
    expect(mixed.draft.arms[0].suggestedDosing).toBeNull();
    expect(mixed.warnings).toContain(
      'Arm "Ketamine": no dosing suggested because one sentence gives doses for both Ketamine and Midazolam.',
    );
    expect(warnings.some((warning) => warning.startsWith('Arm "Ketamine + ondansetron"'))).toBe(false);
  });

  it('does not assume IV when the text names no route, and says so', () => {
    const { draft, warnings } = parseOne(
      withArms(
        [{ ...KETAMINE_ARM, description: 'Ketamine 0.5 mg/kg twice weekly for 2 weeks.' }],
        [{ type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] }],
      ),
    );
    expect(draft.arms[0].suggestedDosing).toBeNull();
    expect(warnings).toContain(
      'Arm "Ketamine": no dosing suggested because the text names no route (IV, IM, oral, intranasal, subcutaneous).',
    );
  });

  it.each([
    ['Ketamine 0.5 mg/kg IV', 'IV'],
    ['Ketamine 0.5 mg/kg given intravenously', 'IV'],
    ['Ketamine 0.5 mg/kg IM', 'IM'],
    ['Ketamine 0.5 mg/kg by intramuscular injection', 'IM'],
    ['Ketamine 50 mg taken orally', 'PO'],
    ['Esketamine 56 mg intranasal', 'IN'],
    ['Ketamine 0.5 mg/kg subcutaneous', 'SC'],
  ])('reads the route of "%s" as %s', (description, route) => {
    const { draft } = parseOne(
      withArms([{ ...KETAMINE_ARM, description }], [{ type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] }]),
    );
    expect(draft.arms[0].suggestedDosing?.route).toBe(route);
  });

  it.each([
    ['Ketamine 25 mg sublingual', 'sublingual'],
    ['Ketamine 25 mg lozenge', 'lozenge'],
  ])('suggests nothing for "%s", a route TrialDesk cannot hold', (description, word) => {
    const { draft, warnings } = parseOne(
      withArms([{ ...KETAMINE_ARM, description }], [{ type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] }]),
    );
    expect(draft.arms[0].suggestedDosing).toBeNull();
    expect(warnings.join('\n')).toContain(`the route is ${word}`);
  });

  it('reads "every 3 weeks" as sessions three weeks apart, and needs a count', () => {
    const arm = { ...KETAMINE_ARM, description: 'Four IV infusions of ketamine 0.5 mg/kg every 3 weeks.' };
    const { draft } = parseOne(withArms([arm], [{ type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] }]));
    expect(draft.arms[0].suggestedDosing).toMatchObject({
      sessionCount: 4,
      sessionsPerWeek: null,
      minHoursBetweenSessions: 504,
      maxDaysBetweenSessions: 21,
    });
    const noCount = parseOne(
      withArms(
        [{ ...arm, description: 'Ketamine 0.5 mg/kg IV every 3 weeks for 12 weeks.' }],
        [{ type: 'DRUG', name: 'Ketamine', armGroupLabels: ['Ketamine'] }],
      ),
    );
    expect(noCount.draft.arms[0].suggestedDosing).toBeNull();
    expect(noCount.warnings).toContain(
      'Arm "Ketamine": no dosing suggested because "every 3 weeks" without a number of sessions.',
    );
  });

  it('keeps each of two same-named interventions on its own arms', () => {
    const { draft } = parseOne(
      withArms(
        [
          {
            label: 'Low dose',
            type: 'EXPERIMENTAL',
            description: 'Ketamine 0.5 mg/kg IV infusion.',
            interventionNames: ['Drug: Ketamine'],
          },
          {
            label: 'High dose',
            type: 'EXPERIMENTAL',
            description: 'Ketamine 1 mg/kg IV infusion.',
            interventionNames: ['Drug: Ketamine'],
          },
        ],
        [
          { type: 'DRUG', name: 'Ketamine', description: '0.5 mg/kg', armGroupLabels: ['Low dose'] },
          { type: 'DRUG', name: 'Ketamine', description: '1 mg/kg', armGroupLabels: ['High dose'] },
        ],
      ),
    );
    expect(draft.interventions.map((item) => item.armLabels)).toEqual([['Low dose'], ['High dose']]);
    expect(draft.arms.map((arm) => arm.suggestedDosing?.mgPerKg)).toEqual([0.5, 1]);
  });
});

describe('registry regressions: eligibility text', () => {
  it('splits a list announced by "any of the following criteria apply" instead of merging it', () => {
    const { draft, warnings } = parseOne(
      withEligibility(
        'Inclusion Criteria:\n\n* Age 18 to 65 years\n\nExclusion Criteria:\n\nPatients to whom any of the following criteria apply will be excluded:\n\n* Pregnancy\n* History of schizophrenia\n* BMI \\> 40 kg/m2',
      ),
    );
    const exclusions = draft.criteria
      .filter((criterion) => criterion.kind === 'EXCLUSION')
      .map((criterion) => criterion.text);
    expect(exclusions).toEqual(['Pregnancy', 'History of schizophrenia', 'BMI > 40 kg/m2']);
    expect(warnings).toContain(
      'Registry note (not imported as a criterion): Patients to whom any of the following criteria apply will be excluded:',
    );
  });

  it('does not glue a list intro onto every item', () => {
    const { draft } = parseOne(
      withEligibility(
        'Inclusion Criteria:\n\nPatients eligible for this study must meet these criteria:\n\n* PHQ-9 ≥ 15\n* Age 18 to 65 years',
      ),
    );
    expect(draft.criteria.slice(1).map((criterion) => criterion.text)).toEqual(['PHQ-9 ≥ 15', 'Age 18 to 65 years']);
    expect(draft.criteria[1].suggestedRule).toEqual({ kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 });
  });

  it('keeps a label such as "For parent participants:" on its items (NCT03630471)', () => {
    const { draft } = parseOne(record('NCT03630471'));
    expect(
      draft.criteria.some(
        (criterion) => criterion.text === 'For parent participants: Proficient in spoken English or Hindi',
      ),
    ).toBe(true);
  });

  it('scopes an "Exclusion Criteria:" heading indented inside the inclusion list, and warns', () => {
    const text = [
      'Inclusion Criteria:',
      '',
      '* Healthy volunteers aged 18 to 65 years',
      '  Exclusion criteria:',
      '  * History of schizophrenia',
      '* Patients with treatment-resistant depression',
      '* PHQ-9 ≥ 15',
      '',
      'Exclusion Criteria:',
      '',
      '* Pregnancy',
    ].join('\n');
    const { draft, warnings } = parseOne(withEligibility(text));
    const byText = Object.fromEntries(draft.criteria.map((criterion) => [criterion.text, criterion.kind]));
    expect(byText).toMatchObject({
      'History of schizophrenia': 'EXCLUSION',
      'Patients with treatment-resistant depression': 'INCLUSION',
      'PHQ-9 ≥ 15': 'INCLUSION',
      Pregnancy: 'EXCLUSION',
    });
    expect(
      warnings.some((warning) => warning.includes('"Exclusion criteria:" is indented inside the inclusion list')),
    ).toBe(true);
  });

  it('reads an inclusion "AST/ALT < 3 × ULN" as both, an exclusion "AST/ALT > 3 × ULN" as either', () => {
    const { draft } = parseOne(
      withEligibility(
        'Inclusion Criteria:\n\n* AST/ALT \\< 3 × ULN\n\nExclusion Criteria:\n\n* AST/ALT \\> 3 × ULN\n* ALT or AST \\< 3 × ULN',
      ),
    );
    const lab = (name: string, op: string) => ({ kind: 'lab', lab: name, reference: 'uln', op, value: 3 });
    expect(draft.criteria[1].suggestedRule).toEqual({ kind: 'all', rules: [lab('ast', 'lt'), lab('alt', 'lt')] });
    expect(draft.criteria[2].suggestedRule).toEqual({ kind: 'any', rules: [lab('ast', 'gt'), lab('alt', 'gt')] });
    expect(draft.criteria[3].suggestedRule).toBeNull();
  });

  it('keeps closing remarks and "None" out of the criteria', () => {
    const { draft, warnings } = parseOne(
      withEligibility(
        'Inclusion Criteria:\n\n* PHQ-9 ≥ 15\n* Patients who do not meet the inclusion criteria will be excluded.\n\nExclusion Criteria:\n\n* None',
      ),
    );
    expect(draft.criteria.map((criterion) => criterion.text)).toEqual(['Age 21 Years to 40 Years', 'PHQ-9 ≥ 15']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'Registry note (not imported as a criterion): Patients who do not meet the inclusion criteria will be excluded.',
        'Registry note (not imported as a criterion): None',
      ]),
    );
  });
});

describe('registry regressions: silent defaults and versions', () => {
  it('warns when the design module is missing', () => {
    const study = record('NCT03418623');
    delete study.protocolSection.designModule;
    const { draft, warnings } = parseOne(study);
    expect(draft.studyType).toBe('INTERVENTIONAL');
    expect(warnings[0]).toMatch(/^The study has no design module: study type was set to INTERVENTIONAL/);
  });

  it('warns when an intervention has no type', () => {
    const study = record('NCT03418623');
    delete study.protocolSection.armsInterventionsModule.interventions[0].type;
    const { draft, warnings } = parseOne(study);
    expect(draft.interventions[0].type).toBe('OTHER');
    expect(warnings).toContain(
      'Intervention "GET73" has no type in the registry; it was recorded as OTHER. Check it on the trial page.',
    );
  });

  it('reads lastUpdatePostDate and compares versions, a month-only date not older than a day in that month', () => {
    expect(readLastUpdatePosted(record('NCT03418623'))).toBe('2020-10-08');
    expect(isOlderRegistryVersion('2020-10-08', '2021-01-02')).toBe(true);
    expect(isOlderRegistryVersion('2021-01-02', '2020-10-08')).toBe(false);
    expect(isOlderRegistryVersion('2020-10', '2020-10-08')).toBe(false);
    expect(isOlderRegistryVersion(null, '2020-10-08')).toBe(false);
  });

  it('still imports all 16 shared records', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(16);
    for (const file of files)
      expect(parseStudies(JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'))).ok).toBe(true);
  });
});

describe('registry regressions: intros that are labels', () => {
  it('keeps an intro about some people on its items (it is not a list announcement)', () => {
    const { draft } = parseOne(
      withEligibility(
        'Inclusion Criteria:\n\n* PHQ-9 ≥ 15\n\nWomen of childbearing potential are eligible if they:\n\n* use effective contraception\n* have a negative pregnancy test',
      ),
    );
    expect(draft.criteria.slice(2).map((criterion) => criterion.text)).toEqual([
      'Women of childbearing potential are eligible if they: use effective contraception',
      'Women of childbearing potential are eligible if they: have a negative pregnancy test',
    ]);
  });

  it('keeps "one of the following" inclusion items together and warns that only some must be met', () => {
    const { draft, warnings } = parseOne(
      withEligibility(
        'Inclusion Criteria:\n\nParticipants must meet one of the following criteria:\n\n* PHQ-9 ≥ 15\n* MADRS ≥ 20',
      ),
    );
    expect(draft.criteria[1].text).toBe(
      'Participants must meet one of the following criteria:\n- PHQ-9 ≥ 15\n- MADRS ≥ 20',
    );
    expect(
      warnings.some((warning) => warning.includes('says only some of the inclusion criteria after it must be met')),
    ).toBe(true);
  });
});
