import { describe, expect, it } from 'vitest';
import { NCT06668571_DOSING } from '@/lib/validations/dosing';
import { listAssumptions, trialLevelAssumptions, type TrialLevelAssumptionSource } from './list-assumptions';
import { newProvenance } from './merge-provenance';

const at = '2026-12-01T10:00:00.000Z';

describe('listAssumptions', () => {
  it('says what each unconfirmed assumption does meanwhile, and lists the unconfirmed first', () => {
    const dosing = newProvenance({
      quote: '0.5 mg per kg',
      assumptions: [
        { field: 'extension.mgPerKg', note: 'No extension dose on the page' },
        { field: 'roundingIncrementMg', note: 'Clinic default' },
      ],
    })!;
    dosing.assumptions[1] = {
      ...dosing.assumptions[1],
      confirmedById: 'u1',
      confirmedByName: 'Ann Admin',
      confirmedAt: at,
    };
    const items = listAssumptions({
      criteria: [
        {
          id: 'c1',
          kind: 'EXCLUSION',
          position: 30,
          text: 'Poorly controlled hypertension.',
          provenance: newProvenance({ quote: null, assumptions: [{ field: 'rule', note: 'No numbers' }] }),
        },
      ],
      arms: [{ id: 'd1', label: 'Ketamine Group', protocol: NCT06668571_DOSING, provenance: dosing }],
      plan: [
        {
          id: 'p1',
          instrument: 'PHQ9',
          timepoint: 'AFTER_SESSION_1',
          provenance: newProvenance({ quote: null, assumptions: [{ field: 'window', note: 'Clinic window' }] }),
        },
      ],
    });
    expect(items.map((item) => [item.subject, item.effect, item.confirmedByName])).toEqual([
      ['Exclusion 31: Poorly controlled hypertension.', 'CLINICIAN_JUDGMENT', null],
      ['Ketamine Group · extension mg/kg', 'BLOCKS_DOSE', null],
      ['PHQ-9 after session 1 · window', 'LISTED', null],
      ['Ketamine Group · rounding increment', 'LISTED', 'Ann Admin'],
    ]);
  });

  it('lists a trial-level source’s assumption when the trial has one', () => {
    type Row = { id: string; windowDays: number | null; windowConfirmedAt: string | null };
    const sources: TrialLevelAssumptionSource<Row>[] = [
      {
        field: 'screeningWindowDays',
        read: (trial) =>
          trial.windowDays === null
            ? null
            : {
                subject: `Screening window · ${trial.windowDays} days`,
                note: 'No page states a screening window.',
                effect: 'LISTED',
                confirmedByName: null,
                confirmedAt: trial.windowConfirmedAt,
              },
      },
    ];
    expect(trialLevelAssumptions({ id: 't1', windowDays: null, windowConfirmedAt: null }, sources)).toEqual([]);
    expect(trialLevelAssumptions({ id: 't1', windowDays: 30, windowConfirmedAt: null }, sources)).toEqual([
      {
        target: 'TRIAL',
        rowId: 't1',
        field: 'screeningWindowDays',
        subject: 'Screening window · 30 days',
        note: 'No page states a screening window.',
        effect: 'LISTED',
        confirmedByName: null,
        confirmedAt: null,
      },
    ]);
  });
});
