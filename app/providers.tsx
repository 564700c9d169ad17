'use client';

import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';

// Refetching on focus would POST nothing but still hit the server on every tab
// switch; the idle timer (components/shell/idle-timeout.tsx) decides when to talk to it.
export function Providers({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
