import { z } from 'zod';
import { measurementInputSchema } from '@/lib/measures/measurement-input';
import { MAX_ROWS } from './measurement-row-model';

// The measurement entry form's rows, checked with the schema the server uses for each
// measurement. Loaded by the form on demand (schemaResolver), so zod is not in the page's
// first-load JavaScript.

export const measurementEntrySchema = z.object({
  measurements: z
    .array(measurementInputSchema)
    .min(1, 'Add at least one measurement')
    .max(MAX_ROWS, `Enter at most ${MAX_ROWS} measurements at a time`),
});
export type MeasurementEntrySchema = typeof measurementEntrySchema;
export type MeasurementEntryOutput = z.output<MeasurementEntrySchema>;
