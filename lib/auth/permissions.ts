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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: [
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
  ],
  COORDINATOR: [
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
  ],
  CLINICIAN: [
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
  ],
};

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  'dashboard.read': 'See the dashboard',
  'trial.read': 'View trials, arms, dosing protocols and criteria',
  'trial.edit': 'Create, import and amend trials',
  'candidate.read': 'View candidate records (every view is logged)',
  'candidate.edit': 'Log referrals and edit candidate details',
  'pipeline.move': 'Move candidates between pipeline stages',
  'contact.log': 'Log contact attempts',
  'screening.record': 'Enter screening measurements',
  'eligibility.check': 'Run eligibility checks and pre-screens',
  'eligibility.sign': 'Sign eligibility decisions',
  'schedule.read': 'View the infusion calendar',
  'schedule.book': 'Book and reschedule infusion visits',
  'clinic.manage': 'Set clinic hours, closures and chairs',
  'dose.calculate': 'Calculate doses',
  'dose.verify': 'Verify doses and sign for them',
  'infusion.record': 'Record infusions, vitals and adverse events',
  'outcome.read': 'View outcomes and reports',
  'outcome.record': 'Record questionnaires',
  'user.manage': 'Manage staff accounts',
  'audit.read': 'Read the audit trail',
  'drug.read': 'View the controlled-drug record (lots, balances, logs)',
  'drug.receive': 'Receive drug lots into stock',
  'drug.waste': 'Waste drug, witnessed by a second clinician',
  'drug.count': 'Record witnessed counts of drug on hand',
  'drug.reverse': 'Reverse a wrong drug movement, witnessed, with a reason',
  'drug.review': 'Review drug count discrepancies',
  'selfreport.send': 'Send participants questionnaire links and hand them the clinic tablet',
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  COORDINATOR: 'Study coordinator',
  CLINICIAN: 'Clinician',
};
