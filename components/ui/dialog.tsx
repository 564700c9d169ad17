'use client';

import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { cn } from './cn';

export type DialogProps = {
  open: boolean;
  /** Called for Escape, the close button and (if enabled) a backdrop click. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action buttons, right-aligned at the bottom. */
  footer?: ReactNode;
  /** "alertdialog" for urgent questions that need an answer (e.g. session about to end). */
  role?: 'dialog' | 'alertdialog';
  /** The element to focus on open; otherwise the first focusable element inside. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Show the × button in the corner (default true for role="dialog"). */
  showCloseButton?: boolean;
  closeOnBackdropClick?: boolean;
  id?: string;
  className?: string;
};

/**
 * A modal built on the native <dialog>: showModal() gives a real focus trap,
 * makes the rest of the page inert and handles Escape. On close, focus returns
 * to whatever had it before the dialog opened.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  role = 'dialog',
  initialFocusRef,
  showCloseButton = role === 'dialog',
  closeOnBackdropClick = false,
  id,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Keep the latest onClose without re-running the open/close effect on every render.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocusRef?.current?.focus();

    // Escape fires `cancel`; let the owner decide (it may keep the dialog open).
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, [open, initialFocusRef]);

  return (
    <dialog
      ref={ref}
      id={id}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClick={(event) => {
        if (closeOnBackdropClick && event.target === event.currentTarget) onCloseRef.current();
      }}
      className={cn(
        'm-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50',
        className,
      )}
    >
      {open ? (
        <div className="flex flex-col">
          <div className="flex items-start justify-between gap-4 px-5 pt-5">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            {showCloseButton ? (
              <button
                type="button"
                onClick={() => onCloseRef.current()}
                className="-mt-1 -mr-2 inline-flex size-9 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                <span aria-hidden="true" className="text-xl leading-none">
                  ×
                </span>
                <span className="sr-only">Close</span>
              </button>
            ) : null}
          </div>
          {description ? (
            <div id={descriptionId} className="px-5 pt-2 text-sm text-slate-700">
              {description}
            </div>
          ) : null}
          {children ? <div className="px-5 pt-4">{children}</div> : null}
          {footer ? (
            <div className="mt-5 flex flex-wrap justify-end gap-2 border-t border-slate-200 px-5 py-4">{footer}</div>
          ) : null}
          {!footer ? <div className="pb-5" /> : null}
        </div>
      ) : null}
    </dialog>
  );
}
