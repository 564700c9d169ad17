import { cn } from '../cn';

const HEIGHT = {
  sm: 'min-h-16',
  md: 'min-h-48',
  lg: 'min-h-[32rem]',
} as const;

export type FormPlaceholderSize = keyof typeof HEIGHT;

/**
 * What a form shows in the instant between the page's first paint and its code arriving
 * (each domain's lazy-forms.tsx, decision 0045): a box of about the form's height, so the
 * page does not jump, that screen readers announce as loading.
 */
export function FormPlaceholder({ size = 'md' }: { size?: FormPlaceholderSize }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={cn(
        'flex w-full items-center justify-center rounded-md bg-slate-50 text-sm text-slate-600',
        HEIGHT[size],
      )}
    >
      Loading form…
    </div>
  );
}
