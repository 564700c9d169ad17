'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

export const SelfReportPanel = dynamic(() => import('./self-report-panel').then((module) => module.SelfReportPanel), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});
