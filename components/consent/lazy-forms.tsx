'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

export const ConsentDocumentForm = dynamic(
  () => import('./consent-document-form').then((module) => module.ConsentDocumentForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="sm" />,
  },
);

export const ConsentFormVersionForm = dynamic(
  () => import('./consent-form-version-form').then((module) => module.ConsentFormVersionForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="md" />,
  },
);

export const RetireConsentFormButton = dynamic(
  () => import('./retire-consent-form-button').then((module) => module.RetireConsentFormButton),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="sm" />,
  },
);

export const SubjectIdPatternForm = dynamic(
  () => import('./subject-id-pattern-form').then((module) => module.SubjectIdPatternForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="sm" />,
  },
);
