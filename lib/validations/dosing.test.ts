import { describe, expect, it } from 'vitest';
import {
  doseModeSchema,
  dosingProtocolSchema,
  NCT06419439_DOSING,
  NCT06668571_DOSING,
  routeSchema,
  weightBasisSchema,
  type DosingProtocol,
} from '@/lib/validations/dosing';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';

function issuesFor(patch: Record<string, unknown>): Array<[string, string]> {
  const result = dosingProtocolSchema.safeParse({ ...defaultDosingProtocol(), ...patch });
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

const fixed = { doseMode: 'FIXED', mgPerKg: null, weightBasis: null, fixedMg: 25 };
const placebo = { doseMode: 'PLACEBO', mgPerKg: null, weightBasis: null };
const extension = NCT06668571_DOSING.extension!;

describe('seed protocols', () => {
  it('NCT06419439: four twice-weekly IV infusions at 0.5 mg/kg actual body weight, no cap, duration not stated', () => {
    expect(dosingProtocolSchema.parse(NCT06419439_DOSING)).toEqual<DosingProtocol>({
      drug: 'ketamine',
      route: 'IV',
      doseMode: 'WEIGHT_BASED',
      mgPerKg: 0.5,
      weightBasis: 'ACTUAL',
      fixedMg: null,
      maxMgPerSession: null,
      roundingIncrementMg: 0.1,
      infusionMinutes: null,
      postInfusionMonitoringMinutes: null,
      concentrationMgPerMl: null,
      diluentVolumeMl: null,
      sessionCount: 4,
      sessionsPerWeek: 2,
      // The page says only "twice weekly": the clinic's assumed spacing, written into the seed.
      minHoursBetweenSessions: 48,
      maxDaysBetweenSessions: 7,
      sessionKind: 'CHAIR',
      sessionDurationMinutes: null,
      weightWindowDays: 7,
      doseSteps: [],
      extension: null,
    });
  });

  it('reads a protocol stored before session settings existed as a chair session', () => {
    const { sessionKind: _kind, sessionDurationMinutes: _minutes, ...stored } = NCT06419439_DOSING;
    expect(dosingProtocolSchema.parse(stored)).toMatchObject({ sessionKind: 'CHAIR', sessionDurationMinutes: null });
  });

  it('asks a perioperative session for its stay and refuses a stay on a chair session', () => {
    expect(issuesFor({ sessionKind: 'PERIOPERATIVE', sessionDurationMinutes: null })).toContainEqual([
      'sessionDurationMinutes',
      'A perioperative session needs its stay duration (e.g. 24 h)',
    ]);
    expect(issuesFor({ sessionDurationMinutes: 1440 })).toContainEqual([
      'sessionDurationMinutes',
      'A chair session lasts its infusion and monitoring time; clear the stay duration',
    ]);
    expect(issuesFor({ sessionKind: 'INPATIENT', sessionDurationMinutes: 1440 })).toEqual([]);
    expect(issuesFor({ sessionKind: 'INPATIENT', sessionDurationMinutes: 30 })).toContainEqual([
      'sessionDurationMinutes',
      'A stay lasts at least 1 h',
    ]);
  });

  it('refuses a weekly limit that its own maximum gap cannot keep (once in any 7 days, at most 5 days apart)', () => {
    const result = dosingProtocolSchema.safeParse({
      ...NCT06419439_DOSING,
      sessionsPerWeek: 1,
      minHoursBetweenSessions: null,
      maxDaysBetweenSessions: 5,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'At most 1 in any 7 days cannot be kept with sessions at most 5 days apart',
    );
  });

  it('NCT06668571: one 40-minute IV infusion at 0.5 mg/kg actual body weight, 50 mg cap, optional open-label extension 1–7 days later', () => {
    const parsed = dosingProtocolSchema.parse(NCT06668571_DOSING);
    expect(parsed).toMatchObject({
      route: 'IV',
      doseMode: 'WEIGHT_BASED',
      mgPerKg: 0.5,
      weightBasis: 'ACTUAL',
      maxMgPerSession: 50,
      infusionMinutes: 40,
      sessionCount: 1,
      extension: {
        isOptional: true,
        isOpenLabel: true,
        minDaysAfterLastSession: 1,
        maxDaysAfterLastSession: 7,
        mgPerKg: 0.5,
        fixedMg: null,
      },
    });
  });

  it('the default protocol parses', () => {
    expect(dosingProtocolSchema.safeParse(defaultDosingProtocol()).success).toBe(true);
  });
});

describe('enums', () => {
  it('accept the contract values only', () => {
    expect(routeSchema.options).toEqual(['IV', 'IM', 'IN', 'PO', 'SC']);
    expect(doseModeSchema.options).toEqual(['WEIGHT_BASED', 'FIXED', 'PLACEBO']);
    expect(weightBasisSchema.options).toEqual(['ACTUAL', 'IDEAL', 'ADJUSTED']);
    expect(routeSchema.safeParse('iv').success).toBe(false);
  });
});

describe('defaults', () => {
  it('fills roundingIncrementMg 0.1, weightWindowDays 7 and doseSteps []', () => {
    const { roundingIncrementMg: _r, weightWindowDays: _w, doseSteps: _d, ...rest } = defaultDosingProtocol();
    expect(dosingProtocolSchema.parse(rest)).toMatchObject({
      roundingIncrementMg: 0.1,
      weightWindowDays: 7,
      doseSteps: [],
    });
  });

  it('does not default the cap: a missing cap is an error, not "no cap"', () => {
    const { maxMgPerSession: _cap, ...rest } = defaultDosingProtocol();
    const result = dosingProtocolSchema.safeParse(rest);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual(['maxMgPerSession']);
  });
});

describe('dose mode cross-field checks', () => {
  it('WEIGHT_BASED needs mg/kg and a weight basis', () => {
    expect(issuesFor({ mgPerKg: null, weightBasis: null })).toEqual([
      ['mgPerKg', 'A weight-based dose needs mg/kg'],
      ['weightBasis', 'Choose the weight basis (actual, ideal or adjusted body weight) for the mg/kg dose'],
    ]);
  });

  it('WEIGHT_BASED has no fixed mg', () => {
    expect(issuesFor({ fixedMg: 25 })).toEqual([['fixedMg', 'A weight-based dose has no fixed mg; clear it']]);
  });

  it.each([
    [0, 'mg/kg must be greater than 0'],
    [-0.5, 'mg/kg must be greater than 0'],
    [5.01, 'mg/kg must be at most 5'],
  ])('mg/kg %s is rejected', (mgPerKg, message) => {
    expect(issuesFor({ mgPerKg })).toEqual([['mgPerKg', message]]);
  });

  it('mg/kg 5 is accepted', () => {
    expect(issuesFor({ mgPerKg: 5 })).toEqual([]);
  });

  it('FIXED needs a positive fixed mg and no mg/kg or weight basis', () => {
    expect(issuesFor(fixed)).toEqual([]);
    expect(issuesFor({ ...fixed, fixedMg: null })).toEqual([['fixedMg', 'A fixed dose needs the dose in mg']]);
    expect(issuesFor({ ...fixed, fixedMg: 0 })).toEqual([['fixedMg', 'Fixed dose must be greater than 0 mg']]);
    expect(issuesFor({ ...fixed, mgPerKg: 0.5 })).toContainEqual(['mgPerKg', 'A fixed dose has no mg/kg; clear it']);
    expect(issuesFor({ ...fixed, weightBasis: 'ACTUAL' })).toEqual([
      ['weightBasis', 'No dose in this protocol is weight-based; clear the weight basis'],
    ]);
  });

  it('FIXED dose must sit on the rounding grid', () => {
    expect(issuesFor({ ...fixed, fixedMg: 25.25 })).toEqual([
      ['fixedMg', 'Fixed dose must be a multiple of the rounding increment (0.1 mg)'],
    ]);
  });

  it('PLACEBO has neither mg/kg nor fixed mg, and no dose steps', () => {
    expect(issuesFor(placebo)).toEqual([]);
    expect(issuesFor({ ...placebo, mgPerKg: 0.5 })).toContainEqual(['mgPerKg', 'A placebo arm has no mg/kg; clear it']);
    expect(issuesFor({ ...placebo, fixedMg: 25 })).toEqual([['fixedMg', 'A placebo arm has no fixed mg; clear it']]);
    expect(issuesFor({ ...placebo, doseSteps: [{ sessionNumber: 1, mgPerKg: null, fixedMg: 10 }] })).toContainEqual([
      'doseSteps',
      'A placebo arm has no dose steps',
    ]);
  });

  it("PLACEBO arm's extension needs its own dose, and a weight basis if that dose is per kg", () => {
    expect(issuesFor({ ...placebo, extension: { ...extension, mgPerKg: null } })).toEqual([
      ['extension.mgPerKg', "A placebo arm's extension needs its own dose (mg/kg or fixed mg)"],
    ]);
    expect(issuesFor({ ...placebo, extension })).toEqual([
      ['weightBasis', 'Choose the weight basis (actual, ideal or adjusted body weight) for the mg/kg dose'],
    ]);
    expect(issuesFor({ ...placebo, weightBasis: 'ACTUAL', extension })).toEqual([]);
  });
});

describe('numeric field checks', () => {
  it.each([
    [{ roundingIncrementMg: 0 }, 'roundingIncrementMg', 'Rounding increment must be greater than 0 mg'],
    [
      { roundingIncrementMg: 0.0005 },
      'roundingIncrementMg',
      'Rounding increment can have at most 3 decimals (0.001 mg)',
    ],
    [{ roundingIncrementMg: 10.5 }, 'roundingIncrementMg', 'Rounding increment must be at most 10 mg'],
    [{ maxMgPerSession: 0 }, 'maxMgPerSession', 'Cap must be greater than 0 mg (or empty for no cap)'],
    [{ maxMgPerSession: 49.95 }, 'maxMgPerSession', 'Cap must be a multiple of the rounding increment (0.1 mg)'],
    [{ sessionCount: 0 }, 'sessionCount', 'At least 1 session'],
    [{ sessionCount: 53 }, 'sessionCount', 'At most 52 sessions'],
    [{ sessionCount: 2.5 }, 'sessionCount', 'Session count must be a whole number'],
    [{ sessionsPerWeek: 0 }, 'sessionsPerWeek', 'At least 1 in 7 days'],
    [{ sessionsPerWeek: 8 }, 'sessionsPerWeek', 'At most 7 in 7 days'],
    [{ minHoursBetweenSessions: -1 }, 'minHoursBetweenSessions', 'Minimum hours between sessions cannot be negative'],
    [{ maxDaysBetweenSessions: 0 }, 'maxDaysBetweenSessions', 'Maximum days between sessions must be at least 1'],
    [{ weightWindowDays: 0 }, 'weightWindowDays', 'Weight window must be at least 1 day'],
    [{ weightWindowDays: 91 }, 'weightWindowDays', 'Weight window must be at most 90 days'],
    [{ infusionMinutes: 0 }, 'infusionMinutes', 'Infusion duration must be greater than 0 minutes'],
    [{ concentrationMgPerMl: 0 }, 'concentrationMgPerMl', 'Concentration must be greater than 0 mg/mL'],
    [{ drug: '  ' }, 'drug', 'Enter the drug name'],
  ])('%o -> %s: %s', (patch, path, message) => {
    expect(issuesFor(patch)).toEqual([[path, message]]);
  });

  it.each([
    { roundingIncrementMg: 2.5, maxMgPerSession: 50 },
    { roundingIncrementMg: 0.001 },
    { sessionCount: 52, sessionsPerWeek: 7 },
    { sessionsPerWeek: 1, minHoursBetweenSessions: 0, maxDaysBetweenSessions: 1 },
    { weightWindowDays: 1 },
    { weightWindowDays: 90 },
  ])('accepts boundary values %o', (patch) => {
    expect(issuesFor(patch)).toEqual([]);
  });

  it('rejects both a concentration and a bag volume', () => {
    expect(issuesFor({ concentrationMgPerMl: 10, diluentVolumeMl: 100 })).toEqual([
      [
        'diluentVolumeMl',
        'Set either the concentration (volume follows the dose) or a fixed diluent bag volume, not both',
      ],
    ]);
  });

  it('maximum gap between sessions must not be shorter than the minimum gap', () => {
    expect(issuesFor({ minHoursBetweenSessions: 48, maxDaysBetweenSessions: 2 })).toEqual([]);
    expect(issuesFor({ minHoursBetweenSessions: 49, maxDaysBetweenSessions: 2 })).toEqual([
      ['maxDaysBetweenSessions', 'Maximum gap (2 days = 48 h) is shorter than the minimum gap (49 h)'],
    ]);
  });
});

describe('dose steps', () => {
  const step = (sessionNumber: number, mgPerKg: number | null, fixedMg: number | null = null) => ({
    sessionNumber,
    mgPerKg,
    fixedMg,
  });

  it('accepts unique steps within the sessions', () => {
    expect(issuesFor({ sessionCount: 4, doseSteps: [step(2, 0.75), step(4, null, 40)] })).toEqual([]);
  });

  it('rejects a step beyond the session count', () => {
    expect(issuesFor({ sessionCount: 4, doseSteps: [step(5, 0.75)] })).toEqual([
      ['doseSteps.0.sessionNumber', 'Session 5 is beyond the 4 sessions of this protocol'],
    ]);
  });

  it('rejects session 0', () => {
    expect(issuesFor({ sessionCount: 4, doseSteps: [step(0, 0.75)] })).toEqual([
      ['doseSteps.0.sessionNumber', 'Session number starts at 1'],
    ]);
  });

  it('rejects two steps for one session', () => {
    expect(issuesFor({ sessionCount: 4, doseSteps: [step(2, 0.75), step(2, 1)] })).toEqual([
      ['doseSteps.1.sessionNumber', 'Session 2 already has a dose step'],
    ]);
  });

  it('needs exactly one of mg/kg or fixed mg per step', () => {
    const message = 'A dose step needs exactly one of mg/kg or fixed mg';
    expect(issuesFor({ sessionCount: 4, doseSteps: [step(2, null, null)] })).toEqual([
      ['doseSteps.0.mgPerKg', message],
    ]);
    expect(issuesFor({ sessionCount: 4, doseSteps: [step(2, 0.5, 30)] })).toEqual([['doseSteps.0.mgPerKg', message]]);
  });

  it('a FIXED arm with a weight-based step needs a weight basis', () => {
    expect(issuesFor({ ...fixed, sessionCount: 2, doseSteps: [step(2, 0.5)] })).toEqual([
      ['weightBasis', 'Choose the weight basis (actual, ideal or adjusted body weight) for the mg/kg dose'],
    ]);
  });
});

describe('extension', () => {
  it('rejects a latest day before the earliest day', () => {
    expect(issuesFor({ extension: { ...extension, minDaysAfterLastSession: 8, maxDaysAfterLastSession: 7 } })).toEqual([
      ['extension.maxDaysAfterLastSession', 'Latest day must be on or after the earliest day'],
    ]);
  });

  it('accepts min equal to max', () => {
    expect(issuesFor({ extension: { ...extension, minDaysAfterLastSession: 7, maxDaysAfterLastSession: 7 } })).toEqual(
      [],
    );
  });

  it('rejects both mg/kg and fixed mg', () => {
    expect(issuesFor({ extension: { ...extension, fixedMg: 30 } })).toEqual([
      ['extension.fixedMg', 'Give the extension either mg/kg or fixed mg, not both'],
    ]);
  });

  it('needs a label', () => {
    expect(issuesFor({ extension: { ...extension, label: '' } })).toEqual([
      ['extension.label', 'Give the extension a label'],
    ]);
  });
});
