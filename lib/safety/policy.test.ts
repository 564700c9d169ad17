import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '@/lib/outcomes/score-assessment';
import { alertingFlags, isAlertingAdverseEvent } from './policy';

const flagsOf = (instrument: string, items: Array<number | null>) => {
  const result = scoreAssessment({ instrument, items });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return alertingFlags(result.flags);
};

const phq9 = (item9: number | null) => [1, 1, 1, 1, 1, 1, 1, 1, item9];
const bdi = (item9: number | null) => Array.from({ length: 21 }, (_, index) => (index === 8 ? item9 : 1));
const qids = (item12: number | null) => Array.from({ length: 16 }, (_, index) => (index === 11 ? item12 : 1));

describe('suicidality answers that open an alert', () => {
  it('PHQ-9 item 9: 0 does not, 1 (several days) does, unanswered does not (but is noted for the clinician)', () => {
    expect(flagsOf('PHQ9', phq9(0))).toEqual([]);
    expect(flagsOf('PHQ9', phq9(1))).toEqual(['PHQ9_ITEM9']);
    expect(flagsOf('PHQ9', phq9(3))).toEqual(['PHQ9_ITEM9']);
    expect(flagsOf('PHQ9', phq9(null))).toEqual([]);
  });

  it('BDI-II item 9 above 0 raises its own flag, not a PHQ-9 one', () => {
    expect(flagsOf('BDI_II', bdi(0))).toEqual([]);
    expect(flagsOf('BDI_II', bdi(1))).toEqual(['BDI2_ITEM9']);
  });

  it('QIDS-SR16 item 12 at 1 or more raises one; 0 does not', () => {
    expect(flagsOf('QIDS_SR16', qids(0))).toEqual([]);
    expect(flagsOf('QIDS_SR16', qids(1))).toEqual(['QIDS_ITEM12']);
    expect(flagsOf('QIDS_SR16', qids(3))).toEqual(['QIDS_ITEM12']);
  });

  it('a probable-PTSD screen is a flag but not a safety alert', () => {
    const result = scoreAssessment({ instrument: 'PCL5', items: Array.from({ length: 20 }, () => 2) });
    expect(result.ok && result.flags).toEqual(['PCL5_PROBABLE_PTSD']);
    expect(alertingFlags(result.ok ? result.flags : [])).toEqual([]);
  });
});

describe('adverse events that open an alert', () => {
  it('serious ones do, others do not', () => {
    expect(isAlertingAdverseEvent({ isSerious: true })).toBe(true);
    expect(isAlertingAdverseEvent({ isSerious: false })).toBe(false);
  });
});
