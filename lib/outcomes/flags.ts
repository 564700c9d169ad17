// Flags an instrument raises, as typed data on its definition: which item (or the total),
// from which value, what it means, and whether it is a suicidality answer that must reach
// a clinician (lib/safety/policy.ts). Nothing else decides which answer raises a flag.

export const FLAG_CODES = ['PHQ9_ITEM9', 'BDI2_ITEM9', 'QIDS_ITEM12', 'PCL5_PROBABLE_PTSD'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export type FlagKind = 'SUICIDALITY' | 'SCREEN_POSITIVE';

export type FlagDefinition = {
  code: FlagCode;
  kind: FlagKind;
  /** 1-based item number when the flag is read off one item; null when it is read off the total. */
  item: number | null;
  /** Raised when the item (or total) is at least this. */
  atLeast: number;
  label: string;
};

/** PHQ-9 item 9 "Thoughts that you would be better off dead or of hurting yourself": any answer above 0. */
export const PHQ9_ITEM9_FLAG: FlagDefinition = {
  code: 'PHQ9_ITEM9',
  kind: 'SUICIDALITY',
  item: 9,
  atLeast: 1,
  label: 'PHQ-9 item 9 above 0: thoughts of death or self-harm',
};

/** BDI-II item 9 "Suicidal thoughts or wishes": any answer above 0. */
export const BDI2_ITEM9_FLAG: FlagDefinition = {
  code: 'BDI2_ITEM9',
  kind: 'SUICIDALITY',
  item: 9,
  atLeast: 1,
  label: 'BDI-II item 9 above 0: suicidal thoughts or wishes',
};

/** QIDS-SR16 item 12 "Thoughts of death or suicide": 1 or more. */
export const QIDS_ITEM12_FLAG: FlagDefinition = {
  code: 'QIDS_ITEM12',
  kind: 'SUICIDALITY',
  item: 12,
  atLeast: 1,
  label: 'QIDS-SR16 item 12 at 1 or more: thoughts of death or suicide',
};

/** PCL-5 total of 33 or more: probable PTSD (National Center for PTSD cut-point). */
export const PCL5_PROBABLE_PTSD_CUTOFF = 33;
export const PCL5_PROBABLE_PTSD_FLAG: FlagDefinition = {
  code: 'PCL5_PROBABLE_PTSD',
  kind: 'SCREEN_POSITIVE',
  item: null,
  atLeast: PCL5_PROBABLE_PTSD_CUTOFF,
  label: `Probable PTSD (PCL-5 ≥ ${PCL5_PROBABLE_PTSD_CUTOFF})`,
};

export const FLAG_DEFINITIONS: Record<FlagCode, FlagDefinition> = {
  PHQ9_ITEM9: PHQ9_ITEM9_FLAG,
  BDI2_ITEM9: BDI2_ITEM9_FLAG,
  QIDS_ITEM12: QIDS_ITEM12_FLAG,
  PCL5_PROBABLE_PTSD: PCL5_PROBABLE_PTSD_FLAG,
};

export const isFlagCode = (value: unknown): value is FlagCode =>
  typeof value === 'string' && (FLAG_CODES as readonly string[]).includes(value);

/**
 * The flags `definitions` raise for these answers. An item flag is raised from the single
 * item, so a partly completed form still alerts; a total flag needs a total.
 */
export function raiseFlags(
  definitions: readonly FlagDefinition[],
  answers: { items: ReadonlyArray<number | null>; total: number | null },
): FlagCode[] {
  return definitions
    .filter((flag) => {
      const value = flag.item === null ? answers.total : (answers.items[flag.item - 1] ?? null);
      return value !== null && value >= flag.atLeast;
    })
    .map((flag) => flag.code);
}

export function flagLabel(code: string): string {
  return isFlagCode(code) ? FLAG_DEFINITIONS[code].label : code.replace(/_/g, ' ');
}

export function isSuicidalityFlag(code: string): boolean {
  return isFlagCode(code) && FLAG_DEFINITIONS[code].kind === 'SUICIDALITY';
}
