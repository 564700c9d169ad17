import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ScreeningField, ScreeningFieldStatus } from '@/lib/screening/screening-form-model';

const STATUS: Record<ScreeningFieldStatus, { label: string; tone: BadgeTone }> = {
  missing: { label: 'Missing', tone: 'warning' },
  stale: { label: 'Stale', tone: 'danger' },
  current: { label: 'Current', tone: 'success' },
};

const days = (count: number) => (count === 1 ? '1 day' : `${count} days`);

function windowText(field: ScreeningField): string {
  return field.isRuleOwnWindow
    ? `this criterion's ${field.windowDays}-day window`
    : `the ${field.windowDays}-day screening window`;
}

/** "Stale · 80 kg on 2026-09-05, 90 days ago; older than the 30-day screening window." */
export function FieldStatus({ field, id }: { field: ScreeningField; id: string }) {
  const status = STATUS[field.status];
  const { latest } = field;
  let text = `Not recorded. Needed within ${windowText(field)}.`;
  if (latest && field.status === 'stale')
    text = `${latest.value} on ${latest.measuredOn}, ${days(latest.ageDays)} ago; older than ${windowText(field)}, so a check reads it as unknown.`;
  if (latest && field.status === 'current')
    text = `${latest.value} on ${latest.measuredOn} (${latest.ageDays === 0 ? 'today' : `${days(latest.ageDays)} ago`}). Enter a value only to replace it.`;
  return (
    <p id={id} className="flex flex-wrap items-baseline gap-2 text-sm text-slate-700">
      <Badge tone={status.tone}>{status.label}</Badge>
      <span>{text}</span>
      {field.note ? <span className="text-slate-600">{field.note}</span> : null}
    </p>
  );
}
