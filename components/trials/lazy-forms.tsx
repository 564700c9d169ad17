'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

export const ImportForm = dynamic(() => import('./import-form').then((module) => module.ImportForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="lg" />,
});

export const ScreeningWindowForm = dynamic(
  () => import('./screening-window-form').then((module) => module.ScreeningWindowForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="sm" />,
  },
);

export const TrialForm = dynamic(() => import('./trial-form').then((module) => module.TrialForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="lg" />,
});
