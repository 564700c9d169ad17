'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

export const EmergencyUnblindForm = dynamic(
  () => import('./emergency-unblind-form').then((module) => module.EmergencyUnblindForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="sm" />,
  },
);
