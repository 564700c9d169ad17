'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useRef, useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { IdleTimeout } from './idle-timeout';
import { MainNav } from './main-nav';
import type { NavItem } from './nav-state';
import { UserMenu } from './user-menu';

/** `items`: the links the user's role may follow, chosen on the server (./nav-items.ts). */
export type AppShellProps = { user: { name: string; roleLabel: string }; items: NavItem[]; children: ReactNode };

const NAV_ID = 'main-nav';

/**
 * The frame of every signed-in page: skip link, header with the user menu,
 * role-aware navigation (a sidebar from 1024px, a toggled menu below that),
 * the main landmark and the idle timer.
 */
export function AppShell({ user, items, children }: AppShellProps) {
  const pathname = usePathname() ?? '/';
  // The menu remembers the page it was opened on, so following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isMenuOpen = openOn === pathname;
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-4 py-2 font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
      >
        Skip to main content
      </a>

      <header className="no-print sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="flex h-16 items-center gap-3 px-4 sm:px-6">
          <Link href="/" className="rounded-sm text-lg font-bold tracking-tight text-brand-700">
            TrialDesk
          </Link>
          <div className="ml-auto">
            <UserMenu name={user.name} roleLabel={user.roleLabel} />
          </div>
          {/* Last in the header, so the next Tab from it lands in the menu it opened. */}
          <button
            ref={menuButtonRef}
            type="button"
            aria-expanded={isMenuOpen}
            aria-controls={NAV_ID}
            onClick={() => setOpenOn(isMenuOpen ? null : pathname)}
            className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 lg:hidden"
          >
            <span aria-hidden="true" className="flex w-4 flex-col gap-[3px]">
              <span className="h-0.5 rounded bg-current" />
              <span className="h-0.5 rounded bg-current" />
              <span className="h-0.5 rounded bg-current" />
            </span>
            Menu
          </button>
        </div>
      </header>

      <div className="flex flex-1 flex-col lg:flex-row">
        <div
          className={cn(
            'no-print border-b border-slate-200 bg-white px-3 py-3 lg:block lg:w-60 lg:shrink-0 lg:border-r lg:border-b-0',
            'lg:sticky lg:top-16 lg:h-[calc(100dvh-4rem)] lg:overflow-y-auto',
            isMenuOpen ? 'block' : 'hidden',
          )}
        >
          {/* Phones have no room for the name in the header; the open menu says who is signed in. */}
          <p className="mb-3 px-3 text-sm text-slate-700 sm:hidden">
            Signed in as <span className="font-semibold text-slate-900">{user.name}</span>, {user.roleLabel}
          </p>
          <MainNav
            id={NAV_ID}
            items={items}
            onEscape={() => {
              setOpenOn(null);
              menuButtonRef.current?.focus();
            }}
          />
        </div>

        {/* tabIndex -1 lets the skip link move focus here, not just scroll. */}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
          <div className="mx-auto max-w-7xl">{children}</div>
        </main>
      </div>

      <IdleTimeout />
    </div>
  );
}
