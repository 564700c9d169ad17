import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { timepointLabel } from './format';

/**
 * Picks the two planned timepoints the report compares. A plain GET form: the choice lives in the URL
 * (?from=…&to=…), so the view can be bookmarked, shared and printed, and works without JavaScript.
 */
export function TimepointRangeForm({
  timepoints,
  from,
  to,
  errors,
}: {
  timepoints: string[];
  from: string;
  to: string;
  errors?: Record<string, string[]>;
}) {
  const options = timepoints.map((code) => ({ value: code, label: timepointLabel(code) }));
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label="Timepoints to compare">
      <Field label="From" error={errors?.from?.[0]} className="min-w-48">
        <Select name="from" defaultValue={from} options={options} />
      </Field>
      <Field label="To" error={errors?.to?.[0]} className="min-w-48">
        <Select name="to" defaultValue={to} options={options} />
      </Field>
      <Button type="submit" variant="secondary">
        Compare
      </Button>
    </form>
  );
}
