import { toNestErrors } from '@hookform/resolvers';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * Loads an input's shared zod schema, e.g.
 * `() => import('@/lib/validations/auth').then((m) => m.signInSchema)`. The schema module (and zod,
 * about 31 KB gzip) then sits in an async chunk instead of the page's first-load JavaScript
 * (issue 15: ≤ 150 KB per page); the form still validates with the very schema the server uses.
 */
export type SchemaLoader<TSchema extends z.ZodType> = () => Promise<TSchema>;

type ResolverOptions = Parameters<Resolver<FieldValues>>[2];
type Validate = (values: unknown, context: unknown, options: ResolverOptions) => unknown;

/** Starts the schema's download when the browser is idle, so the first validation does not wait for it. */
function preloadWhenIdle(load: () => Promise<unknown>) {
  if (typeof window === 'undefined') return;
  const start = () => void load().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}

/**
 * A react-hook-form resolver built on the server action's own zod schema, loaded on demand (see
 * SchemaLoader). The form keeps what the inputs hold (strings, checkboxes); `toInput` turns that
 * into the action's input (numbers, instants, optional fields left out) before the schema runs, so
 * the messages shown next to the inputs are the very ones the server would send, and the validated
 * values are what is sent. `toInput` may `refuse` a field whose typed value cannot become an input
 * at all (a clinic time that never existed): that message is shown at the field, and the schema
 * does not run. If the schema's chunk cannot be fetched (connection lost), the input is passed on
 * unchecked: the server validates it with the same schema and its per-field messages are shown
 * instead (applyServerErrors).
 */
export function schemaResolver<TValues extends FieldValues, TSchema extends z.ZodType>(
  load: SchemaLoader<TSchema>,
  toInput: (values: TValues, refuse: (field: string, message: string) => void) => unknown = (values) => values,
): Resolver<TValues, unknown, z.output<TSchema>> {
  let validate: Promise<Validate> | null = null;
  function loadValidate(): Promise<Validate> {
    validate ??= load().then((schema) => zodResolver(schema as never) as unknown as Validate);
    validate.catch(() => {
      validate = null;
    });
    return validate;
  }
  preloadWhenIdle(loadValidate);
  const resolver = async (values: TValues, context: unknown, options: ResolverOptions) => {
    const refusals: Record<string, FieldError> = {};
    const input = toInput(values, (field, message) => {
      refusals[field] ??= { type: 'custom', message };
    });
    if (Object.keys(refusals).length > 0) return { values: {}, errors: toNestErrors(refusals, options) };
    try {
      return await (await loadValidate())(input, context, options);
    } catch (error) {
      if (validate !== null) throw error;
      return { values: input, errors: {} };
    }
  };
  return resolver as unknown as Resolver<TValues, unknown, z.output<TSchema>>;
}

/** The message for a schema field that no single input holds (e.g. an instant built from a date and a time). */
export function messageOf(errors: FieldErrors, name: string): string | undefined {
  const error = errors[name];
  return typeof error?.message === 'string' ? error.message : undefined;
}
