import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';

/**
 * A react-hook-form resolver built on the server action's own zod schema. The form keeps what
 * the inputs hold (strings, checkboxes); `toInput` turns that into the action's input (numbers,
 * instants, optional fields left out) before the schema runs, so the messages shown next to the
 * inputs are the very ones the server would send, and the validated values are what is sent.
 * `toInput` may `refuse` a field whose typed value cannot become an input at all (a clinic time
 * that never existed): that message is shown at the field, before the schema runs.
 */
export function schemaResolver<TValues extends FieldValues, TSchema extends z.ZodType>(
  schema: TSchema,
  toInput: (values: TValues, refuse: (field: string, message: string) => void) => unknown,
): Resolver<TValues, unknown, z.output<TSchema>> {
  // The preprocess step takes the form's own values; typed so, the resolver's input is TValues.
  const fromForm = z.preprocess(
    (values, ctx) =>
      toInput(values as TValues, (field, message) => ctx.addIssue({ code: 'custom', message, path: [field] })),
    schema,
  ) as unknown as z.ZodType<z.output<TSchema>, TValues>;
  return zodResolver(fromForm);
}

/** The message for a schema field that no single input holds (e.g. an instant built from a date and a time). */
export function messageOf(errors: FieldErrors, name: string): string | undefined {
  const error = errors[name];
  return typeof error?.message === 'string' ? error.message : undefined;
}
