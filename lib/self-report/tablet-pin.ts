// The tablet-mode PIN length, shown by the forms without loading the zod schemas.

export const TABLET_PIN_LENGTH = { min: 4, max: 8 } as const;
