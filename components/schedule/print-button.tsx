'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; the shell and the controls are hidden in print. */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
