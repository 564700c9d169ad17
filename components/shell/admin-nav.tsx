'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { currentState, type NavLink } from './nav-state';

/** Tabs between the admin pages the user's role may open. */
export function AdminNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label="Admin" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-2">
        {links.map((link) => {
          const current = currentState(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current}
                className={cn(
                  'inline-flex min-h-11 items-center border-b-2 px-3 text-sm',
                  current
                    ? 'border-brand-600 font-semibold text-brand-800'
                    : 'border-transparent font-medium text-slate-700 hover:border-slate-400 hover:text-slate-900',
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
