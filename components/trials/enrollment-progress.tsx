import { cn } from '@/components/ui/cn';

const numberFormat = new Intl.NumberFormat('en-US');

export type EnrollmentProgressProps = { enrolled: number; target: number | null; className?: string };

/**
 * "12 / 30" with a small bar. Screen readers hear "12 of 30 enrolled" once (the
 * visible fraction and the bar are hidden from them); without a target only the count is shown.
 */
export function EnrollmentProgress({ enrolled, target, className }: EnrollmentProgressProps) {
  if (target === null || target <= 0) {
    return (
      <span className={cn('text-sm text-slate-900 tabular-nums', className)}>
        {numberFormat.format(enrolled)} <span className="text-slate-600">enrolled, no target set</span>
      </span>
    );
  }
  const label = `${numberFormat.format(enrolled)} of ${numberFormat.format(target)} enrolled`;
  const percent = Math.min(100, Math.round((enrolled / target) * 100));
  return (
    <div className={cn('flex min-w-28 flex-col gap-1', className)}>
      <span className="text-sm text-slate-900 tabular-nums" aria-hidden="true">
        {numberFormat.format(enrolled)} / {numberFormat.format(target)}
      </span>
      <span className="sr-only">{label}</span>
      <progress
        value={Math.min(enrolled, target)}
        max={target}
        aria-hidden="true"
        className={cn(
          'h-1.5 w-full overflow-hidden rounded-full',
          '[&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600 [&::-moz-progress-bar]:bg-brand-600',
          percent >= 100 && '[&::-webkit-progress-value]:bg-emerald-600 [&::-moz-progress-bar]:bg-emerald-600',
        )}
      />
    </div>
  );
}
