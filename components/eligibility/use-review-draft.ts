'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewDraftDto } from '@/lib/eligibility/check-types';
import type { ErrorBody } from '@/lib/errors/app-error';
import type { ReviewDraftInput } from '@/lib/validations/screening';

/** Long enough that typing a note is one save, short enough that a reload loses a sentence at most. */
const AUTOSAVE_DELAY_MS = 1500;

export type DraftStatus =
  | { state: 'idle' | 'saving' | 'saved'; savedAt: string | null }
  /** The last save failed; the next change (or "Save draft") tries again. */
  | { state: 'error'; savedAt: string | null; message: string }
  /** The check can no longer take a draft (signed, newer check, amended protocol): saving stops. */
  | { state: 'closed'; savedAt: string | null; message: string };

async function putDraft(checkId: string, draft: ReviewDraftInput) {
  const res = await fetch(`/api/v1/eligibility/checks/${encodeURIComponent(checkId)}/draft`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(draft),
  });
  const body = (await res.json().catch(() => null)) as (ReviewDraftDto & Partial<ErrorBody>) | null;
  return { status: res.status, body };
}

/**
 * Saves the review as a server-side draft while the clinician works: after each pause in
 * typing, and at once on "Save draft". One save at a time; a change made during a save is
 * saved right after it. `paused` holds saves back while the signature is being submitted.
 */
export function useReviewDraft({
  checkId,
  draft,
  initialSavedAt,
  paused,
}: {
  checkId: string;
  draft: ReviewDraftInput;
  initialSavedAt: string | null;
  paused: boolean;
}) {
  const key = JSON.stringify(draft);
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle', savedAt: initialSavedAt });
  const latest = useRef({ key, draft });
  const savedKey = useRef(key);
  const inFlight = useRef(false);
  const isClosed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = { key, draft };

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current || isClosed.current) return;
    const { key: sending, draft: content } = latest.current;
    inFlight.current = true;
    setStatus((previous) => ({ state: 'saving', savedAt: previous.savedAt }));
    try {
      const { status: code, body } = await putDraft(checkId, content);
      if (code === 200 && body?.savedAt) {
        savedKey.current = sending;
        setStatus({ state: 'saved', savedAt: body.savedAt });
      } else {
        const message = body?.error?.message ?? 'The draft could not be saved.';
        if (code === 409 || code === 404) isClosed.current = true;
        setStatus((previous) => ({
          state: code === 409 || code === 404 ? 'closed' : 'error',
          savedAt: previous.savedAt,
          message,
        }));
      }
    } catch {
      setStatus((previous) => ({
        state: 'error',
        savedAt: previous.savedAt,
        message: 'The draft could not be saved: no connection to the server.',
      }));
    } finally {
      inFlight.current = false;
    }
    // A change made while this save was under way is saved next.
    if (!isClosed.current && latest.current.key !== savedKey.current && latest.current.key !== sending) void save();
  }, [checkId]);

  useEffect(() => {
    if (paused || key === savedKey.current) return;
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [key, paused, save]);

  const saveNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await save();
  }, [save]);

  return { status, saveNow, isDirty: key !== savedKey.current };
}
