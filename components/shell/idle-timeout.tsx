'use client';

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { isSignOutMessage, refreshSession, signOut } from '@/components/auth/session-client';
import {
  ACTIVITY_PING_INTERVAL_MS,
  idleState,
  parseStoredTime,
  shouldPing,
  type IdleState,
} from '@/lib/auth/idle-state';

/** Pages a participant uses without a staff session: the clinic tablet and self-report links. */
function isParticipantPage(pathname: string): boolean {
  return pathname === '/tablet' || pathname.startsWith('/tablet/') || pathname.startsWith('/r/');
}

const ACTIVITY_KEY = 'trialdesk:last-activity';
const PING_KEY = 'trialdesk:last-ping';
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
// Scrolling fires dozens of events a second; recording one every few seconds is plenty for a 15-minute limit.
const ACTIVITY_THROTTLE_MS = 5_000;
const PING_RETRY_MS = 10_000;
// Screen readers hear these moments of the countdown, not every second of it.
const ANNOUNCE_AT = new Set([30, 10]);
const WARNING_ID = 'idle-warning';

// The warning's dialog is needed after 14 minutes at the earliest, so its code is not part of every
// page's first load: it is fetched a few seconds after the page settles (so an offline moment later
// cannot keep it from showing) and rendered from then on.
const loadWarning = () => import('./idle-warning');
const IdleWarning = lazy(() => loadWarning().then((module) => ({ default: module.IdleWarning })));
const PREFETCH_WARNING_AFTER_MS = 5_000;

function readTime(key: string, now: number): number | null {
  try {
    return parseStoredTime(window.localStorage.getItem(key), now);
  } catch {
    return null; // storage blocked (private mode, policy): this tab works on its own
  }
}

function writeTime(key: string, value: number) {
  try {
    window.localStorage.setItem(key, String(value));
  } catch {
    // Same as above: without storage the tabs just don't share their clocks.
  }
}

/**
 * Signs the user out after 15 minutes without activity, warning a minute
 * before. Activity is shared across tabs through localStorage, and while the
 * user is active the server session is refreshed at most once a minute: that
 * request is the only thing that moves the server's lastActive.
 */
export function IdleTimeout() {
  const [view, setView] = useState<IdleState>({ phase: 'active', secondsLeft: 0 });
  const [announcement, setAnnouncement] = useState('');
  const lastActivity = useRef(0);
  const lastPing = useRef(Number.NaN);
  const expiring = useRef(false);

  const expire = useCallback((reason: 'idle' | 'signed-out') => {
    if (expiring.current) return;
    // Handing the device over to a participant (tablet mode) ends the staff session on purpose,
    // and the shell can still be mounted for a moment after that navigation: never take the
    // participant's questionnaire page to the staff sign-in page.
    if (isParticipantPage(window.location.pathname)) return;
    expiring.current = true;
    const callbackUrl = `/signin?reason=${reason}`;
    // If the sign-out request fails the server session has timed out anyway; just leave.
    signOut({ callbackUrl }).catch(() => window.location.assign(callbackUrl));
  }, []);

  // Ask once more before treating an empty answer as a sign-out.
  const confirmSignedOut = useCallback(async () => {
    try {
      const res = await fetch('/api/auth/session', { cache: 'no-store', credentials: 'same-origin' });
      if (!res.ok) return;
      const body: unknown = await res.json();
      if (!body || (typeof body === 'object' && Object.keys(body).length === 0)) expire('signed-out');
    } catch {
      // Offline: the next tick or ping decides.
    }
  }, [expire]);

  const ping = useCallback(async () => {
    const now = Date.now();
    lastPing.current = now;
    writeTime(PING_KEY, now);
    const retrySoon = () => {
      lastPing.current = now - ACTIVITY_PING_INTERVAL_MS + PING_RETRY_MS;
      writeTime(PING_KEY, lastPing.current);
    };
    const result = await refreshSession();
    if (result === null) void confirmSignedOut();
    // Offline for a moment: try again soon rather than after a full interval.
    else if (result === undefined) retrySoon();
  }, [confirmSignedOut]);

  const tick = useCallback(() => {
    if (expiring.current) return;
    const now = Date.now();
    // Another tab may have seen activity or pinged; take the newest of each.
    lastActivity.current = Math.max(lastActivity.current, readTime(ACTIVITY_KEY, now) ?? 0);
    lastPing.current =
      Math.max(Number.isNaN(lastPing.current) ? 0 : lastPing.current, readTime(PING_KEY, now) ?? 0) || Number.NaN;
    const state = idleState(now, lastActivity.current);
    if (state.phase === 'expired') {
      expire('idle');
      return;
    }
    if (shouldPing(now, lastActivity.current, lastPing.current)) void ping();
    setView((prev) => (prev.phase === state.phase && prev.secondsLeft === state.secondsLeft ? prev : state));
    if (state.phase !== 'warning') setAnnouncement('');
    else if (ANNOUNCE_AT.has(state.secondsLeft))
      setAnnouncement(`${state.secondsLeft} seconds until you are signed out.`);
  }, [expire, ping]);

  const recordActivity = useCallback(
    (force = false) => {
      if (expiring.current) return;
      const now = Date.now();
      // Waking a laptop after a long sleep fires events too: if the time is already
      // up, sign out instead of reviving a session the server has given up on.
      if (idleState(now, lastActivity.current).phase === 'expired') {
        expire('idle');
        return;
      }
      if (!force && now - lastActivity.current < ACTIVITY_THROTTLE_MS) return;
      lastActivity.current = now;
      writeTime(ACTIVITY_KEY, now);
      tick();
    },
    [expire, tick],
  );

  useEffect(() => {
    // Loading a signed-in page is activity, and the server just accepted the session.
    const now = Date.now();
    lastActivity.current = Math.max(now, readTime(ACTIVITY_KEY, now) ?? 0);
    writeTime(ACTIVITY_KEY, lastActivity.current);

    const onActivity = (event: Event) => {
      // Inside the warning only its buttons decide: a pointerdown on "Sign out now"
      // must not count as activity and close the dialog before the click lands.
      if (event.target instanceof Element && event.target.closest(`#${WARNING_ID}`)) return;
      recordActivity();
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === ACTIVITY_KEY || event.key === PING_KEY) tick();
      // Signed out in another tab: follow it here.
      else if (isSignOutMessage(event)) void confirmSignedOut();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onVisible);
    const interval = window.setInterval(tick, 1_000);
    const prefetch = window.setTimeout(() => void loadWarning().catch(() => {}), PREFETCH_WARNING_AFTER_MS);
    tick();
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(interval);
      window.clearTimeout(prefetch);
    };
  }, [recordActivity, tick, confirmSignedOut]);

  const stay = () => {
    recordActivity(true);
    // recordActivity's tick has normally pinged already; never leave "Stay" without one.
    if (!(lastPing.current >= lastActivity.current)) void ping();
  };

  return (
    <Suspense fallback={null}>
      {view.phase === 'warning' ? (
        <IdleWarning
          id={WARNING_ID}
          secondsLeft={view.secondsLeft}
          announcement={announcement}
          onStay={stay}
          onSignOut={() => expire('signed-out')}
        />
      ) : null}
    </Suspense>
  );
}
