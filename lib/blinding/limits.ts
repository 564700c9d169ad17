// Limits the unblinded-staff form shows, kept apart from the zod schemas so the browser loads them alone.

/** The most people one trial may name as unblinded staff (a pharmacy team, not the whole clinic). */
export const MAX_UNBLINDED_STAFF = 20;
