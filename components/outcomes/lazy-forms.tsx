'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

export const CorrectAssessmentForm = dynamic(
  () => import('./correct-assessment-form').then((module) => module.CorrectAssessmentForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="sm" />,
  },
);

export const RecordAssessmentForm = dynamic(
  () => import('./record-assessment-form').then((module) => module.RecordAssessmentForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="lg" />,
  },
);

export const ScreeningBaselinePanel = dynamic(
  () => import('./screening-baseline-panel').then((module) => module.ScreeningBaselinePanel),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="md" />,
  },
);
