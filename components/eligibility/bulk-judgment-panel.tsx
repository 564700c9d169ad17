'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { ChoiceGroup, type ChoiceOption } from './boolean-choice';
import type { Binary } from './review-form-schema';

const OPTIONS: ReadonlyArray<ChoiceOption<Binary>> = [
  { value: 'MET', label: 'Met', key: 'met' },
  { value: 'NOT_MET', label: 'Not met', key: 'not-met' },
];

type Props = {
  selectedCount: number;
  unjudgedCount: number;
  onSelectUnjudged: () => void;
  onClear: () => void;
  /** Writes the judgment and note into each selected criterion; answers how many changed. */
  onApply: (judgment: { result: Binary; note: string }) => number;
};

/**
 * One judgment with one note for several clinician-judgment criteria at once. It only fills
 * in each selected criterion's own judgment and note, which the clinician can still change;
 * every criterion is then saved and signed with its own explicit judgment.
 */
export function BulkJudgmentPanel({ selectedCount, unjudgedCount, onSelectUnjudged, onClear, onApply }: Props) {
  const headingId = useId();
  const [result, setResult] = useState<Binary | undefined>(undefined);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ result?: string; note?: string }>({});
  const [status, setStatus] = useState('');

  async function apply() {
    // The judgment schema (and zod) is fetched on demand, outside the page's first load.
    const { judgmentSchema } = await import('@/lib/validations/screening');
    const noteCheck = judgmentSchema.shape.note.safeParse(note);
    const next = {
      result: result ? undefined : 'Choose met or not met.',
      note: noteCheck.success ? undefined : noteCheck.error.issues[0]?.message,
    };
    setErrors(next);
    if (!result || !noteCheck.success) return;
    const count = onApply({ result, note: noteCheck.data });
    setStatus(`${result === 'MET' ? 'Met' : 'Not met'} applied to ${count} ${count === 1 ? 'criterion' : 'criteria'}.`);
    setResult(undefined);
    setNote('');
  }

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-slate-50 p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Same judgment for several criteria
        </h3>
        <p className="text-sm text-slate-700" aria-live="polite">
          {selectedCount} selected{status ? ` · ${status}` : ''}
        </p>
      </div>
      <p className="text-sm text-slate-600">
        Tick the criteria below, then apply one judgment and note to each. Met on an exclusion rules the candidate out.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={onSelectUnjudged} disabled={unjudgedCount === 0}>
          Select the {unjudgedCount} not yet judged
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onClear} disabled={selectedCount === 0}>
          Clear selection
        </Button>
      </div>
      <div className="grid gap-4 md:grid-cols-[minmax(0,16rem)_1fr]">
        <ChoiceGroup
          legend="Judgment for the selected"
          name="bulk-judgment"
          value={result}
          options={OPTIONS}
          onChange={setResult}
          error={errors.result}
          required
        />
        <Field label="Note for the selected" error={errors.note} required>
          <Textarea rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        </Field>
      </div>
      <div>
        <Button type="button" variant="primary" onClick={apply} disabled={selectedCount === 0}>
          Apply to {selectedCount} selected
        </Button>
      </div>
    </section>
  );
}
