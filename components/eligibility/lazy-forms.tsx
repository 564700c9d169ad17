'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

export const CheckReviewForm = dynamic(() => import('./check-review-form').then((module) => module.CheckReviewForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="lg" />,
});

export const MeasurementEntryForm = dynamic(
  () => import('./measurement-entry-form').then((module) => module.MeasurementEntryForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="lg" />,
  },
);
