'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

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
