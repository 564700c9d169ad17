'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

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

export const ExtensionBooking = dynamic(() => import('./extension-booking').then((module) => module.ExtensionBooking), {
  ssr: false,
  loading: () => <FormPlaceholder size="sm" />,
});
