'use client';

import dynamic from 'next/dynamic';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';

// Forms load after the page's first paint, not in its first-load JavaScript: each brings
// react-hook-form (about 16 KB compressed) and its own code, which would put the page over the
// 150 KB budget (issue 15). The record around the form is readable at once; the form takes its
// place a moment later, in a box of about its height (decision 0045).

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
