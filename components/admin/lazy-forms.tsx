'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Loaded after the page's first paint, out of its first-load JavaScript (decision 0045).

export const UserCreateForm = dynamic(() => import('./user-create-form').then((module) => module.UserCreateForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="lg" />,
});

export const UserEditForm = dynamic(() => import('./user-edit-form').then((module) => module.UserEditForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});

export const UserPasswordForm = dynamic(
  () => import('./user-password-form').then((module) => module.UserPasswordForm),
  {
    ssr: false,
    loading: () => <FormPlaceholder size="md" />,
  },
);
