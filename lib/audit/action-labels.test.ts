import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_TYPE_LABELS, auditActionLabel, auditEntityTypeLabel } from './action-labels';

describe('audit action and record-type labels', () => {
  it('gives every catalogued action its own label, so a reader of the export can tell them apart', () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    expect(labels.every((label) => label.trim().length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('reads a code as a label, and an unknown (retired or test) code as itself', () => {
    expect(auditActionLabel('dose.verify')).toBe('Dose verified');
    expect(auditActionLabel('test.step')).toBe('test.step');
    expect(auditEntityTypeLabel('Visit')).toBe('Session');
    expect(auditEntityTypeLabel('AuditTest_1')).toBe('AuditTest_1');
    expect(Object.keys(AUDIT_ENTITY_TYPE_LABELS)).toContain('AuditEvent');
  });
});
