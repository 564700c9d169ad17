'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Forms load after the page's first paint, not in its first-load JavaScript: each brings
// react-hook-form (about 16 KB compressed) and its own code, which would put the page over the
// 150 KB budget (issue 15). The record around the form is readable at once; the form takes its
// place a moment later, in a box of about its height (decision 0045).

export const AddToTrialForm = dynamic(() => import('./add-to-trial-form').then((module) => module.AddToTrialForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="sm" />,
});

export const CandidateForm = dynamic(() => import('./candidate-form').then((module) => module.CandidateForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="lg" />,
});

export const LogContactForm = dynamic(() => import('./log-contact-form').then((module) => module.LogContactForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});

export const PipelineControls = dynamic(() => import('./pipeline-controls').then((module) => module.PipelineControls), {
  ssr: false,
  loading: () => <FormPlaceholder size="sm" />,
});
