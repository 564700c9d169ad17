'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Forms load after the page's first paint, not in its first-load JavaScript: each brings
// react-hook-form (about 16 KB compressed) and its own code, which would put the page over the
// 150 KB budget (issue 15). The record around the form is readable at once; the form takes its
// place a moment later, in a box of about its height (decision 0045).

export const BookSeriesForm = dynamic(() => import('./book-series-form').then((module) => module.BookSeriesForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="lg" />,
});

export const ClinicChairs = dynamic(() => import('./clinic-chairs').then((module) => module.ClinicChairs), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});

export const ClinicClosures = dynamic(() => import('./clinic-closures').then((module) => module.ClinicClosures), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});

export const ClinicSettingsForm = dynamic(
  () => import('./clinic-settings-form').then((module) => module.ClinicSettingsForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="md" />,
  },
);

export const ParticipantVisits = dynamic(
  () => import('./participant-visits').then((module) => module.ParticipantVisits),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="md" />,
  },
);

export const ExtensionBooking = dynamic(() => import('./extension-booking').then((module) => module.ExtensionBooking), {
  ssr: false,
  loading: () => <FormPlaceholder size="sm" />,
});
