// Who may do what: one table, read by the server guard and by the UI (to hide
// what a role cannot do). The database decides the user's current role on every
// request; this table decides what that role may do.

export const ROLES = ['ADMIN', 'COORDINATOR', 'CLINICIAN'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'dashboard.read',
  'trial.read',
  'trial.edit',
  'candidate.read',
  'candidate.edit',
  'pipeline.move',
  'contact.log',
  'screening.record',
  'eligibility.check',
  'eligibility.sign',
  'schedule.read',
  'schedule.book',
  'clinic.manage',
  'dose.calculate',
  'dose.verify',
  'infusion.record',
  'outcome.read',
  'outcome.record',
  'user.manage',
  'audit.read',
  'drug.read',
  'drug.receive',
  'drug.waste',
  'drug.count',
  'drug.reverse',
  'drug.review',
  'selfreport.send',
  'safety.read',
  'safety.acknowledge',
  'blinding.manage',
  'blinding.emergency_unblind',
  'account.self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: [
    'account.self',
    'dashboard.read',
    'trial.read',
    'trial.edit',
    'candidate.read',
    'schedule.read',
    'clinic.manage',
    'outcome.read',
    'user.manage',
    'audit.read',
    'drug.read',
    'drug.receive',
    'drug.count',
    'drug.review',
    'safety.read',
    'blinding.manage',
  ],
  COORDINATOR: [
    'account.self',
    'dashboard.read',
    'trial.read',
    'candidate.read',
    'candidate.edit',
    'pipeline.move',
    'contact.log',
    'screening.record',
    'eligibility.check',
    'schedule.read',
    'schedule.book',
    'dose.calculate',
    'outcome.read',
    'outcome.record',
    'selfreport.send',
    'safety.read',
  ],
  CLINICIAN: [
    'account.self',
    'dashboard.read',
    'trial.read',
    'candidate.read',
    'pipeline.move',
    'screening.record',
    'eligibility.check',
    'eligibility.sign',
    'schedule.read',
    'dose.calculate',
    'dose.verify',
    'infusion.record',
    'outcome.read',
    'outcome.record',
    'drug.read',
    'drug.receive',
    'drug.waste',
    'drug.count',
    'drug.reverse',
    'selfreport.send',
    'safety.read',
    'safety.acknowledge',
    'blinding.emergency_unblind',
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  COORDINATOR: 'Study coordinator',
  CLINICIAN: 'Clinician',
};
