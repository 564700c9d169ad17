import { describe, expect, it } from 'vitest';
import { INSTRUMENT_DEFINITIONS } from '@/lib/outcomes/instruments';
import { CRISIS_RESOURCES, SELF_REPORT_FORMS, selfReportFormFor } from './catalog';

describe('self-report forms', () => {
  it('ask exactly the items the scorer expects, with answers inside its range', () => {
    for (const form of Object.values(SELF_REPORT_FORMS)) {
      const definition = INSTRUMENT_DEFINITIONS[form!.code];
      expect(form!.questions).toHaveLength(definition.itemCount);
      for (const question of form!.questions) {
        const values = question.options.map((option) => option.value);
        expect(Math.min(...values)).toBe(definition.minValue);
        expect(Math.max(...values)).toBe(definition.maxValue);
      }
    }
  });

  it('uses the PHQ-9’s own item 9 wording, the item that raises the suicidality flag', () => {
    expect(SELF_REPORT_FORMS.PHQ9!.questions[8].text).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
  });

  it('offers no form for licensed or clinician-administered instruments', () => {
    for (const code of ['BDI_II', 'BPI_SF', 'PROMIS_PI', 'QIDS_SR16', 'PCL5', 'CADSS'])
      expect(selfReportFormFor(code)).toBeNull();
  });

  it('names 988 (call or text) and 911 in the crisis resources', () => {
    const text = JSON.stringify(CRISIS_RESOURCES);
    expect(text).toContain('tel:988');
    expect(text).toContain('sms:988');
    expect(text).toContain('tel:911');
  });
});
