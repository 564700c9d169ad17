import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The forms load their shared zod schema on demand (components/ui/form/schema-resolver.ts), so
// zod is not in any page's first load. These check the messages still come from the browser,
// next to their fields, before anything is sent to the server.

/** Counts the POST requests (server actions, sign-in) the page sends from now on. */
function countPosts(page: Page): () => number {
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST') posts += 1;
  });
  return () => posts;
}

test('[ANYONE] the sign-in form shows per-field messages from the shared schema without asking the server', async ({
  page,
}) => {
  await page.goto('/signin');
  const posts = countPosts(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  expect(posts()).toBe(0);
});

test('[COORDINATOR] the new-referral form shows per-field messages from the shared schema before saving', async ({
  page,
  signInAs,
}) => {
  await signInAs('COORDINATOR');
  await page.goto('/candidates/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New referral' })).toBeVisible();
  const posts = countPosts(page);
  await page.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByText('Enter the first name.')).toBeVisible();
  await expect(page.getByText('Enter the last name.')).toBeVisible();
  await expect(page.getByText('Enter the date of birth.')).toBeVisible();
  expect(posts()).toBe(0);
});
