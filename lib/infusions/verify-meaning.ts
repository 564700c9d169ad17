// The meaning a dose-verification signature states by default (form and server).

export const DEFAULT_VERIFY_MEANING = 'I verify that this dose is correct for this participant and session';
