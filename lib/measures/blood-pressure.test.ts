import { describe, expect, it } from 'vitest';
import { parseBloodPressure } from '@/lib/measures/blood-pressure';

describe('parseBloodPressure', () => {
  it('reads "130/85" as systolic 130 and diastolic 85, spaces around the slash allowed', () => {
    expect(parseBloodPressure('130/85')).toEqual({ ok: true, reading: { sbp: 130, dbp: 85 } });
    expect(parseBloodPressure(' 142 / 91 ')).toEqual({ ok: true, reading: { sbp: 142, dbp: 91 } });
  });

  it('refuses "13085" instead of reading it as a systolic of 13085', () => {
    const result = parseBloodPressure('13085');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/systolic\/diastolic, e\.g\. 130\/85.*no slash/);
  });

  it('names the missing half of "130/" and "/85"', () => {
    expect(parseBloodPressure('130/')).toEqual({
      ok: false,
      message: 'Enter the diastolic value after the slash, e.g. 130/85',
    });
    expect(parseBloodPressure('/85')).toEqual({
      ok: false,
      message: 'Enter the systolic value before the slash, e.g. 130/85',
    });
  });

  it('refuses decimals, letters, a third value and an empty entry', () => {
    for (const text of ['130.5/85', '13o/85', '130/85/70', '', '   '])
      expect(parseBloodPressure(text).ok, text).toBe(false);
  });

  it('checks each half against its plausible range from the vocabulary (SBP 60–260, DBP 30–160 mmHg)', () => {
    expect(parseBloodPressure('260/160').ok).toBe(true);
    expect(parseBloodPressure('261/85')).toEqual({
      ok: false,
      message: 'Systolic blood pressure must be between 60 and 260 mmHg (read 261 from your entry)',
    });
    expect(parseBloodPressure('130/29')).toEqual({
      ok: false,
      message: 'Diastolic blood pressure must be between 30 and 160 mmHg (read 29 from your entry)',
    });
  });

  it('refuses a reading whose halves are swapped or equal', () => {
    expect(parseBloodPressure('85/130')).toEqual({
      ok: false,
      message: 'Systolic (85) must be higher than diastolic (130)',
    });
    expect(parseBloodPressure('90/90').ok).toBe(false);
  });
});
