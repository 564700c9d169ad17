'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Forms load after the page's first paint, not in its first-load JavaScript: each brings
// react-hook-form (about 16 KB compressed) and its own code, which would put the page over the
// 150 KB budget (issue 15). The record around the form is readable at once; the form takes its
// place a moment later, in a box of about its height (decision 0045).

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
