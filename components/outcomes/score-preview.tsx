'use client';

import { scoreAssessment } from '@/lib/outcomes/score-assessment';
import { flagLabel, formatNumber } from './format';

/** The score as it will be saved, recomputed on this device with the server's own scoring code. */
export function ScorePreview({ instrument, items }: { instrument: string; items: ReadonlyArray<number | null> }) {
  const answered = items.filter((value) => value !== null).length;
  const result = scoreAssessment({ instrument, items });
  let text: string;
  if (answered === 0) text = 'Answer the items to see the score.';
  else if (!result.ok) text = 'Some answers are not valid yet.';
  else {
    const subscores = Object.entries(result.subscores)
      .map(([key, value]) => `${key} ${formatNumber(value, 2)}`)
      .join(', ');
    const total = result.total === null ? 'No total' : `Total ${formatNumber(result.total)}`;
    text = [total, result.severity, subscores].filter(Boolean).join(' · ');
  }
  return (
    <div
      role="status"
      aria-live="polite"
      className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-900"
    >
      <p className="font-semibold">Score preview: {text}</p>
      {result.ok && answered > 0 ? (
        <>
          {result.flags.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 font-medium text-red-800">
              {result.flags.map((flag) => (
                <li key={flag}>{flagLabel(flag)}</li>
              ))}
            </ul>
          ) : null}
          {result.notes.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-slate-700">
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
