import { cn } from './cn';

// Shared look of text-like controls. The invalid state is driven by aria-invalid,
// so the visual cue and what screen readers hear can never disagree.
export function controlClasses(className?: string) {
  return cn(
    'block w-full min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm',
    'placeholder:text-slate-500',
    'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 focus-visible:border-brand-600',
    'disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600',
    'aria-[invalid=true]:border-red-700 aria-[invalid=true]:focus-visible:outline-red-700',
    className,
  );
}
