import { raiseFlags } from './flags';
import type { InstrumentDefinition, ScoreResult } from './types';
import { validateItems } from './validate-items';

export const scoreWithDefinition = (definition: InstrumentDefinition, items: unknown): ScoreResult => {
  const validated = validateItems(definition, items);
  if (!validated.ok) return validated;
  const result = definition.computeScore(validated.items);
  // Flags come from the definition's typed data alone, the same way for every instrument.
  return { ...result, flags: raiseFlags(definition.flags, { items: validated.items, total: result.total }) };
};
