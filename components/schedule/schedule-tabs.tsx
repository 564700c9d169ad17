import Link from 'next/link';
import { cn } from '@/components/ui/cn';

type Props = { view: 'week' | 'day'; weekHref: string; dayHref: string };

/** Switches between the chair × day week grid and the printable day list; both live in the URL. */
export function ScheduleTabs({ view, weekHref, dayHref }: Props) {
  const tabs = [
    { key: 'week', label: 'Week', href: weekHref },
    { key: 'day', label: 'Day list', href: dayHref },
  ] as const;
  return (
    <nav aria-label="Schedule views" className="no-print mb-4 border-b border-slate-200">
      <ul className="-mb-px flex gap-x-2">
        {tabs.map((tab) => {
          const current = tab.key === view;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-11 items-center border-b-2 px-3 text-sm',
                  current
                    ? 'border-brand-600 font-semibold text-brand-800'
                    : 'border-transparent font-medium text-slate-700 hover:border-slate-400 hover:text-slate-900',
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
