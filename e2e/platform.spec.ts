import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('[ANONYMOUS] health check reports the database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('[ANONYMOUS] every response carries the security headers', async ({ request }) => {
  const res = await request.get('/signin');
  const headers = res.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['strict-transport-security']).toContain('max-age=');
  expect(headers['x-request-id']).toBeTruthy();
});

test('[ANONYMOUS] the sign-in page has no accessibility violations', async ({ page }) => {
  await page.goto('/signin');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test('[COORDINATOR] the dashboard has no accessibility violations and shows real counts', async ({
  page,
  signInAs,
}) => {
  await signInAs('COORDINATOR');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  await expect(page.getByText(/recruiting/i).first()).toBeVisible();
});

test('[ADMIN] a cross-origin write is refused', async ({ page, signInAs }) => {
  await signInAs('ADMIN');
  const res = await page.request.post('/api/v1/users', {
    headers: { Origin: 'https://evil.example' },
    data: { email: 'cross@trialdesk.test', name: 'Cross Origin', role: 'admin', password: 'Lilac-Tundra-Spoon-4' },
  });
  expect(res.status()).toBe(403);
});

test('[ADMIN] a body over 1 MB is refused with 413', async ({ page, signInAs }) => {
  await signInAs('ADMIN');
  const res = await page.request.post('/api/v1/users', {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
});

test('[ADMIN] invalid input gets 400 with per-field messages', async ({ page, signInAs }) => {
  await signInAs('ADMIN');
  const res = await page.request.post('/api/v1/users', {
    data: { email: 'not-an-email', name: '', role: 'wizard', password: 'short' },
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe('VALIDATION_FAILED');
  expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(['email', 'name', 'role', 'password']));
});
