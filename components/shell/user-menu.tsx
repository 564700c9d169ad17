'use client';

import Link from 'next/link';
import { useState } from 'react';
import { signOut } from '@/components/auth/session-client';
import { Button } from '@/components/ui/button';

export type UserMenuProps = { name: string; roleLabel: string };

/** Who is signed in, in which role, and the way out. */
export function UserMenu({ name, roleLabel }: UserMenuProps) {
  const [isSigningOut, setIsSigningOut] = useState(false);

  async function onSignOut() {
    setIsSigningOut(true);
    try {
      await signOut({ callbackUrl: '/signin?reason=signed-out' });
    } catch {
      // The request failed (offline): leaving still matters more than the round trip.
      window.location.assign('/signin?reason=signed-out');
    }
  }

  return (
    <div className="flex items-center gap-3">
      <div className="hidden min-w-0 text-right leading-tight sm:block">
        <p className="max-w-[9rem] truncate text-sm font-semibold text-slate-900 sm:max-w-[16rem]" title={name}>
          {name}
        </p>
        <p className="text-xs text-slate-600">
          {roleLabel} ·{' '}
          <Link href="/account/two-factor" className="underline-offset-2 hover:underline">
            Two-factor sign-in
          </Link>
        </p>
      </div>
      <Button variant="secondary" size="sm" onClick={onSignOut} loading={isSigningOut}>
        Sign out
      </Button>
    </div>
  );
}
