'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server HTML and during hydration, true once React runs in the
 * browser. Forms whose logic lives in the browser keep their buttons disabled
 * until then, so an early tap cannot be lost or submitted half-handled.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
