import { describe, expect, it } from 'vitest';
import { NCT06419439_DOSING, NCT06668571_DOSING } from '@/lib/validations/dosing';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';
import { suggestDosing } from './suggest-dosing';

describe('suggestDosing: ketamine worked examples', () => {
  it('reads four twice-weekly infusions at 0.5 mg/kg (NCT06419439)', () => {
    const dosing = suggestDosing({
      armText: 'Ketamine\nParticipants will receive four twice-weekly IV infusions of ketamine 0.5 mg/kg.',
      interventionTexts: [],
    });
    // The registry text states no spacing; the seed's 48 h / 7 days are clinic assumptions, never suggested.
    expect(dosing).toEqual({ ...NCT06419439_DOSING, minHoursBetweenSessions: null, maxDaysBetweenSessions: null });
  });

  it('reads a 40-minute infusion capped at 50 mg with an optional open-label infusion (NCT06668571)', () => {
    const dosing = suggestDosing({
      armText:
        'Ketamine: a single infusion of ketamine 0.5 mg/kg actual body weight (maximum dose of 50 mg) infused over 40 minutes. ' +
        'Participants may choose to receive an optional open-label ketamine infusion 1-7 days after the blinded infusion.',
      interventionTexts: ['Ketamine hydrochloride: NMDA receptor antagonist'],
    });
    expect(dosing).toEqual({
      ...NCT06668571_DOSING,
      extension: { ...NCT06668571_DOSING.extension!, label: 'Optional open-label infusion' },
    });
  });

  it('reads the cap, duration and weight basis from the worked sentence', () => {
    const dosing = suggestDosing({
      armText: 'ketamine 0.5 mg/kg actual body weight (maximum dose of 50 mg) infused over 40 minutes',
      interventionTexts: [],
    });
    expect(dosing).toMatchObject({
      doseMode: 'WEIGHT_BASED',
      mgPerKg: 0.5,
      weightBasis: 'ACTUAL',
      maxMgPerSession: 50,
      infusionMinutes: 40,
      sessionCount: 1,
      sessionsPerWeek: null,
    });
  });
});

describe('suggestDosing: dose forms', () => {
  it.each([
    ['0.5 mg per kg of ketamine', 0.5],
    ['Ketamine 0.75mg/kg IV', 0.75],
    ['ketamine (1 milligram per kilogram)', 1],
  ])('%s → %s mg/kg', (armText, mgPerKg) => {
    expect(suggestDosing({ armText, interventionTexts: [] })).toMatchObject({
      doseMode: 'WEIGHT_BASED',
      mgPerKg,
      fixedMg: null,
    });
  });

  it.each([
    ['ketamine 0.5 mg/kg based on ideal body weight', 'IDEAL'],
    ['ketamine 0.5 mg/kg using adjusted body weight', 'ADJUSTED'],
    ['ketamine 0.5 mg/kg', 'ACTUAL'],
  ])('%s → %s weight', (armText, weightBasis) => {
    expect(suggestDosing({ armText, interventionTexts: [] })?.weightBasis).toBe(weightBasis);
  });

  it.each([
    ['ketamine 0.5 mg/kg, not to exceed 50 mg', 50],
    ['ketamine 0.5 mg/kg capped at 60 mg', 60],
    ['ketamine 0.5 mg/kg up to a maximum of 45 mg', 45],
  ])('%s → cap %s mg', (armText, cap) => {
    expect(suggestDosing({ armText, interventionTexts: [] })?.maxMgPerSession).toBe(cap);
  });

  it('reads a fixed dose and takes the drug name from the intervention', () => {
    expect(
      suggestDosing({
        armText: 'Dupilumab 300 mg qw',
        interventionTexts: ['Dupilumab: subcutaneous injection'],
        drugName: 'Dupilumab',
      }),
    ).toMatchObject({
      drug: 'Dupilumab',
      doseMode: 'FIXED',
      fixedMg: 300,
      mgPerKg: null,
      weightBasis: null,
      maxMgPerSession: null,
      route: 'SC',
    });
  });

  it('reads the intervention text when the arm text has no dose', () => {
    expect(
      suggestDosing({ armText: 'Active ketamine', interventionTexts: ['Ketamine: 0.5 mg/kg over 40 minutes'] }),
    ).toMatchObject({ mgPerKg: 0.5, infusionMinutes: 40 });
  });

  it('reads the route', () => {
    expect(
      suggestDosing({ armText: 'Esketamine 56 mg nasal spray twice weekly for 4 weeks', interventionTexts: [] }),
    ).toMatchObject({
      drug: 'esketamine',
      route: 'IN',
      fixedMg: 56,
      sessionCount: 8,
      sessionsPerWeek: 2,
    });
  });
});

describe('suggestDosing: schedule', () => {
  it.each([
    ['ketamine 0.5 mg/kg twice weekly for 2 weeks', 4, 2],
    ['6 infusions of ketamine 0.5 mg/kg over 2 weeks', 6, 3],
    ['a single infusion of ketamine 0.5 mg/kg', 1, null],
    ['three times a week for 2 weeks: ketamine 0.5 mg/kg', 6, 3],
    ['ketamine 0.5 mg/kg once weekly for 4 weeks', 4, 1],
    ['ketamine 0.5 mg/kg', 1, null],
  ])('%s → %s sessions, %s per week', (armText, sessionCount, sessionsPerWeek) => {
    expect(suggestDosing({ armText, interventionTexts: [] })).toMatchObject({ sessionCount, sessionsPerWeek });
  });

  it.each([
    ['ketamine 0.5 mg/kg as a 40-min infusion', 40],
    ['ketamine 0.5 mg/kg infused over 1 hour', 60],
    ['ketamine 0.5 mg/kg', null],
  ])('%s → %s minutes', (armText, minutes) => {
    expect(suggestDosing({ armText, interventionTexts: [] })?.infusionMinutes).toBe(minutes);
  });

  it('reads a minimum gap between sessions', () => {
    expect(
      suggestDosing({ armText: 'ketamine 0.5 mg/kg, infusions at least 48 hours apart', interventionTexts: [] })
        ?.minHoursBetweenSessions,
    ).toBe(48);
  });

  it('returns null when the count contradicts frequency × weeks', () => {
    expect(
      suggestDosing({
        armText: 'four infusions of ketamine 0.5 mg/kg twice weekly for 3 weeks',
        interventionTexts: [],
      }),
    ).toBeNull();
  });
});

describe('suggestDosing: placebo arms', () => {
  it('marks a saline arm as placebo on the same schedule', () => {
    const dosing = suggestDosing({
      armText: 'Saline\nParticipants will receive four twice-weekly IV infusions of normal saline.',
      interventionTexts: [],
      drugName: 'ketamine',
    });
    expect(dosing).toMatchObject({
      drug: 'ketamine',
      doseMode: 'PLACEBO',
      mgPerKg: null,
      fixedMg: null,
      weightBasis: null,
      sessionCount: 4,
      sessionsPerWeek: 2,
    });
  });

  it('marks a placebo comparator arm as placebo', () => {
    expect(
      suggestDosing({
        armText: 'Placebo qw',
        interventionTexts: [],
        armType: 'PLACEBO_COMPARATOR',
        drugName: 'Dupilumab',
      }),
    ).toMatchObject({ doseMode: 'PLACEBO', sessionsPerWeek: null });
  });

  it('does not treat saline used as diluent as placebo', () => {
    expect(
      suggestDosing({ armText: 'ketamine 0.5 mg/kg diluted in 100 mL normal saline', interventionTexts: [] }),
    ).toMatchObject({ doseMode: 'WEIGHT_BASED', mgPerKg: 0.5 });
  });

  it('returns null for a placebo-typed arm that names an active dose (e.g. an active placebo)', () => {
    expect(
      suggestDosing({ armText: 'Midazolam 0.045 mg/kg', interventionTexts: [], armType: 'PLACEBO_COMPARATOR' }),
    ).toBeNull();
  });
});

describe('suggestDosing: no suggestion', () => {
  it.each([
    ['no dose information', 'Participants receive ketamine infusions'],
    ['a behavioural arm', 'Problem-solving intervention delivered by counsellors'],
    ['two different mg/kg doses', 'ketamine 0.5 mg/kg or 1.0 mg/kg'],
    ['a dose range', 'ketamine 0.5-1 mg/kg'],
    ['an infusion rate', 'ketamine 0.15 mg/kg/h for 48 hours'],
    ['two different fixed doses', 'remdesivir 200 mg on Day 1 then 100 mg daily'],
    ['an implausible mg/kg', 'ketamine 50 mg/kg'],
    ['a dose without a known drug', '300 mg weekly'],
    ['ideal and adjusted weight together', 'ketamine 0.5 mg/kg ideal body weight or adjusted body weight'],
  ])('%s', (_, armText) => {
    expect(suggestDosing({ armText, interventionTexts: [] })).toBeNull();
  });

  it('starts from the default protocol for unstated fields', () => {
    const dosing = suggestDosing({ armText: 'ketamine 0.5 mg/kg', interventionTexts: [] });
    expect(dosing).toEqual({ ...defaultDosingProtocol(), infusionMinutes: null });
  });
});
