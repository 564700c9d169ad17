// Quantity limits the drug-inventory forms show, kept apart from the zod schemas so the browser loads them alone.

export const MAX_VIALS = 10_000;
