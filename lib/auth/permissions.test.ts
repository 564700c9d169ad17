import { describe, expect, it } from 'vitest';
import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions';

describe('permission table', () => {
  it('only names known permissions', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });

  it('keeps trial editing and staff accounts with admins', () => {
    expect(hasPermission('ADMIN', 'trial.edit')).toBe(true);
    expect(hasPermission('ADMIN', 'user.manage')).toBe(true);
    expect(hasPermission('ADMIN', 'audit.read')).toBe(true);
    for (const role of ['COORDINATOR', 'CLINICIAN'] as const) {
      expect(hasPermission(role, 'trial.edit')).toBe(false);
      expect(hasPermission(role, 'user.manage')).toBe(false);
      expect(hasPermission(role, 'audit.read')).toBe(false);
    }
  });

  it('lets only clinicians sign eligibility and verify doses', () => {
    expect(ROLES.filter((r) => hasPermission(r, 'eligibility.sign'))).toEqual(['CLINICIAN']);
    expect(ROLES.filter((r) => hasPermission(r, 'dose.verify'))).toEqual(['CLINICIAN']);
    expect(ROLES.filter((r) => hasPermission(r, 'infusion.record'))).toEqual(['CLINICIAN']);
  });

  it('lets coordinators log referrals and book visits', () => {
    expect(hasPermission('COORDINATOR', 'candidate.edit')).toBe(true);
    expect(hasPermission('COORDINATOR', 'schedule.book')).toBe(true);
    expect(hasPermission('CLINICIAN', 'candidate.edit')).toBe(false);
  });

  it('gives every role the dashboard and read access to trials', () => {
    for (const role of ROLES) {
      expect(hasPermission(role, 'dashboard.read')).toBe(true);
      expect(hasPermission(role, 'trial.read')).toBe(true);
    }
  });
});
