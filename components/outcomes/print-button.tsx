'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; the report's print styles hide the controls. */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
