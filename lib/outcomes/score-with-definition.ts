import type { InstrumentDefinition, ScoreResult } from './types';
import { validateItems } from './validate-items';

export const scoreWithDefinition = (definition: InstrumentDefinition, items: unknown): ScoreResult => {
  const validated = validateItems(definition, items);
  return validated.ok ? definition.computeScore(validated.items) : validated;
};
