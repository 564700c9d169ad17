import { expect, type Page, test } from '@playwright/test';
import { account, queryDb, signIn } from './support';

// Request hygiene in a real browser against the production build: a nonce-only
// script policy with no violations, the PHI access log untouched by prefetches,
// and headers and methods the app does not trust or serve.

/** Records CSP violations (the DOM event and the console report) from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|CSP violation/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

async function dbNow(): Promise<string> {
  const [row] = await queryDb<{ now: string }>(`SELECT now()::text AS now`);
  return row.now;
}

async function auditCount(action: string, actorEmail: string, since: string, entityId?: string): Promise<number> {
  const [row] = await queryDb<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId"
     WHERE e.action = $1 AND u.email = $2 AND e."createdAt" >= $3::timestamptz AND ($4::text IS NULL OR e."entityId" = $4)`,
    [action, actorEmail, since, entityId ?? null],
  );
  return row.n;
}

test('[COORDINATOR] pages run under a nonce script policy without a single CSP violation', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await watchCsp(page);
  const response = await page.goto('/signin');
  const policy = response?.headers()['content-security-policy'] ?? '';
  const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[^']+'/);
  expect(scriptSrc).not.toContain('unsafe-inline');

  // Signing in needs the client bundle: it only works if Next's scripts ran under the nonce.
  await signIn(page, account('COORDINATOR'));
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  for (const path of ['/candidates', '/review', '/trials', '/schedule']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto('/candidates');
  await page.locator('table a[href^="/candidates/"]').first().click();
  await expect(page.getByRole('heading', { name: 'Trial pipelines' })).toBeVisible();
  // Client components of the record page (forms, timers) have hydrated and run by now.
  await page.waitForTimeout(1_500);
  expect(violations).toEqual([]);
});

test('[COORDINATOR] prefetched candidate links log no view; opening one logs exactly one', async ({ page }) => {
  const { email } = account('COORDINATOR');
  await signIn(page, account('COORDINATOR'));
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const since = await dbNow();

  await page.goto('/candidates');
  const links = page.locator('table a[href^="/candidates/"]');
  await expect(links.first()).toBeVisible();
  // Viewport prefetches have fired; hover a few rows too (hover prefetches).
  const count = Math.min(await links.count(), 6);
  for (let i = 0; i < count; i += 1) await links.nth(i).hover();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);

  expect(await auditCount('candidate.view', email, since)).toBe(0);
  expect(await auditCount('candidate.list', email, since)).toBe(1);

  const href = (await links.first().getAttribute('href')) ?? '';
  const candidateId = href.split('/')[2];
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/candidates/${candidateId}$`));
  await expect(page.getByRole('heading', { name: 'Trial pipelines' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);

  expect(await auditCount('candidate.view', email, since, candidateId)).toBe(1);
  expect(await auditCount('candidate.view', email, since)).toBe(1);
});

test('[ANYONE] a forged X-Forwarded-For and a 325-character request id do not reach the audit trail', async ({
  browser,
}) => {
  const longId = 'r'.repeat(325);
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.66', 'x-request-id': longId, 'x-trialdesk-client-ip': '6.6.6.6' },
  });
  const page = await context.newPage();
  const { email } = account('CLINICIAN');
  const since = await dbNow();
  await signIn(page, account('CLINICIAN'));
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const rows = await queryDb<{ ipAddress: string | null; requestId: string | null }>(
    `SELECT e."ipAddress", e."requestId" FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId"
     WHERE e.action = 'auth.sign_in' AND u.email = $1 AND e."createdAt" >= $2::timestamptz`,
    [email, since],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].ipAddress).toMatch(/^(127\.0\.0\.1|::1)$/);
  expect(rows[0].requestId).not.toBe(longId);
  expect(rows[0].requestId?.length ?? 0).toBeLessThanOrEqual(64);
  await context.close();
});

test('[ANYONE] TRACE is 405 with Allow, and a NUL byte in the address is 400 with the error shape', async ({
  request,
}) => {
  const trace = await request.fetch('/api/v1/candidates', { method: 'TRACE' });
  expect(trace.status()).toBe(405);
  expect(trace.headers().allow).toContain('GET');
  expect((await trace.json()).error.code).toBe('METHOD_NOT_ALLOWED');

  for (const path of ['/candidates/%00', '/api/v1/candidates?q=%ED%A0%80']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION_FAILED');
  }

  const echoed = await request.get('/signin', { headers: { 'x-request-id': 'x'.repeat(325) } });
  expect(echoed.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
