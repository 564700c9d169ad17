'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

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
