// The booking grid sizes a clinic may choose, shown by the clinic settings form without the zod schemas.

export const SLOT_MINUTES_OPTIONS = [15, 20, 30, 60] as const;
