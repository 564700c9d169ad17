'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

export const CountForm = dynamic(() => import('./count-form').then((module) => module.CountForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});

export const DiscrepancyReviewForm = dynamic(
  () => import('./discrepancy-review-form').then((module) => module.DiscrepancyReviewForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="md" />,
  },
);

export const ReceiveLotForm = dynamic(() => import('./receive-lot-form').then((module) => module.ReceiveLotForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="lg" />,
});

export const ReversalForm = dynamic(() => import('./reversal-form').then((module) => module.ReversalForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="sm" />,
});

export const WasteForm = dynamic(() => import('./waste-form').then((module) => module.WasteForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});
