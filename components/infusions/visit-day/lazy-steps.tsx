'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Forms load after the page's first paint, not in its first-load JavaScript: each brings
// react-hook-form (about 16 KB compressed) and its own code, which would put the page over the
// 150 KB budget (issue 15). The record around the form is readable at once; the form takes its
// place a moment later, in a box of about its height (decision 0045).

export const AdministrationStep = dynamic(
  () => import('./administration-step').then((module) => module.AdministrationStep),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="md" />,
  },
);

export const AdverseEventsStep = dynamic(
  () => import('./adverse-events-step').then((module) => module.AdverseEventsStep),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="md" />,
  },
);

export const CheckInStep = dynamic(() => import('./check-in-step').then((module) => module.CheckInStep), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});

export const DischargeStep = dynamic(() => import('./discharge-step').then((module) => module.DischargeStep), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});

export const DoseStep = dynamic(() => import('./dose-step').then((module) => module.DoseStep), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});

export const VitalsStep = dynamic(() => import('./vitals-step').then((module) => module.VitalsStep), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});
