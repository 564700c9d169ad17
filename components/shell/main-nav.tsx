'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { currentState, type NavItem } from './nav-state';

export type MainNavProps = {
  items: NavItem[];
  /** Lets the menu button point at this nav with aria-controls. */
  id?: string;
  /** Escape inside the nav (narrow screens): close the menu and return focus to its button. */
  onEscape?: () => void;
  className?: string;
};

const linkBase = 'flex min-h-11 items-center rounded-md border-l-4 px-3 text-sm';

function linkClasses(current: 'page' | 'true' | undefined, nested = false) {
  return cn(
    linkBase,
    nested && 'ml-3 min-h-10',
    // Weight and the left bar mark the current page as well as colour does.
    current === 'page' && 'border-brand-600 bg-brand-50 font-semibold text-brand-800',
    current === 'true' && 'border-transparent font-semibold text-slate-900',
    current === undefined && 'border-transparent font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900',
  );
}

export function MainNav({ items, id, onEscape, className }: MainNavProps) {
  const pathname = usePathname() ?? '/';

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && onEscape) {
      event.stopPropagation();
      onEscape();
    }
  }

  return (
    <nav id={id} aria-label="Main" onKeyDown={onKeyDown} className={className}>
      <ul className="flex flex-col gap-1">
        {items.map((item) => {
          // A section's own link never claims "page": its first sub-link is the same page.
          const current = item.section
            ? currentState(pathname, '', item.section)
              ? 'true'
              : undefined
            : currentState(pathname, item.href);
          return (
            <li key={item.label}>
              <Link href={item.href} aria-current={current} className={linkClasses(current)}>
                {item.label}
              </Link>
              {item.children ? (
                <ul className="mt-1 flex flex-col gap-1" aria-label={`${item.label} pages`}>
                  {item.children.map((child) => {
                    const childCurrent = currentState(pathname, child.href);
                    return (
                      <li key={child.href}>
                        <Link href={child.href} aria-current={childCurrent} className={linkClasses(childCurrent, true)}>
                          {child.label}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
