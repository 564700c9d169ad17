import { expect, test } from './fixtures';
import { account, queryDb, signIn, uniqueEmail } from './support';

const NAV_BY_ROLE = {
  ADMIN: { visible: ['Dashboard', 'Trials', 'Candidates', 'Schedule', 'Outcomes', 'Admin'], hidden: ['Review queue'] },
  COORDINATOR: {
    visible: ['Dashboard', 'Trials', 'Candidates', 'Schedule', 'Outcomes'],
    hidden: ['Admin', 'Review queue'],
  },
  CLINICIAN: {
    visible: ['Dashboard', 'Trials', 'Candidates', 'Review queue', 'Schedule', 'Outcomes'],
    hidden: ['Admin'],
  },
} as const;

for (const role of ['ADMIN', 'COORDINATOR', 'CLINICIAN'] as const) {
  test(`[${role}] signs in and sees the navigation of the role`, async ({ page }) => {
    // Through the sign-in form on purpose: the other tests sign in by cookie (e2e/fixtures.ts).
    await signIn(page, account(role));
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of NAV_BY_ROLE[role].visible)
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    for (const name of NAV_BY_ROLE[role].hidden)
      await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
    const me = await page.request.get('/api/v1/me');
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: account(role).email, role: role.toLowerCase() });
  });
}

test('[ANONYMOUS] is sent to sign-in by pages and gets 401 from the API', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers/);
  const res = await page.request.get('/api/v1/me');
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
});

test('[COORDINATOR] gets 403 on an admin page and an admin API', async ({ page, signInAs }) => {
  await signInAs('COORDINATOR');
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/access/i);
  const api = await page.request.post('/api/v1/users', {
    data: {
      email: uniqueEmail('blocked'),
      name: 'Should Not Exist',
      role: 'clinician',
      password: 'Violet-Harbor-Kettle-9',
    },
  });
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe('FORBIDDEN');
  const rows = await queryDb(`SELECT 1 FROM "User" WHERE name = 'Should Not Exist'`);
  expect(rows).toHaveLength(0);
});

test('[ADMIN] locks an account after 5 failed sign-ins without revealing whether it exists', async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs('ADMIN');
  const email = uniqueEmail('lockout');
  const password = 'Quiet-Orchard-Lamp-31';
  const created = await page.request.post('/api/v1/users', {
    data: { email, name: 'Lockout Subject', role: 'coordinator', password },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext();
  const visitor = await context.newPage();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signIn(visitor, { email, password: `Wrong-Password-${attempt}x` });
    await expect(visitor.getByRole('main').getByRole('alert')).toContainText(/incorrect/i);
  }
  const lockedMessage = await visitor.getByRole('main').getByRole('alert').innerText();
  // The right password is refused while locked, with the very same message.
  await signIn(visitor, { email, password });
  await expect(visitor.getByRole('main').getByRole('alert')).toHaveText(lockedMessage);
  await expect(visitor).toHaveURL(/\/signin/);
  // An unknown email gets the same message too.
  await signIn(visitor, { email: uniqueEmail('nobody'), password });
  await expect(visitor.getByRole('main').getByRole('alert')).toHaveText(lockedMessage);
  await context.close();

  const [user] = await queryDb<{ id: string; lockedUntil: Date | null }>(
    `SELECT id, "lockedUntil" FROM "User" WHERE email = $1`,
    [email],
  );
  expect(user.lockedUntil).not.toBeNull();
  const events = await queryDb<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY "createdAt"`,
    [user.id],
  );
  expect(events.map((e) => e.action)).toEqual(
    expect.arrayContaining(['user.create', 'auth.sign_in_failed', 'auth.locked_out']),
  );
  expect(events.filter((e) => e.action === 'auth.sign_in_failed').length).toBeGreaterThanOrEqual(6);
});

test('[ADMIN] changing a user leaves an audit event the admin can see', async ({ page, signInAs }) => {
  await signInAs('ADMIN');
  const email = uniqueEmail('audited');
  const created = await page.request.post('/api/v1/users', {
    data: { email, name: 'Audit Subject', role: 'coordinator', password: 'Amber-Canyon-Lamp-58' },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await page.goto(`/admin/users/${id}`);
  await page.getByRole('combobox', { name: /^Role/ }).selectOption('CLINICIAN');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(/saved|updated|changed/i);

  const [event] = await queryDb<{ before: { role: string }; after: { role: string }; actorId: string }>(
    `SELECT before, after, "actorId" FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'user.role_change'`,
    [id],
  );
  expect(event.before.role).toBe('COORDINATOR');
  expect(event.after.role).toBe('CLINICIAN');

  await page.goto(`/admin/audit?entityId=${id}`);
  await expect(page.getByRole('cell', { name: 'user.role_change' })).toBeVisible();
});

test('[COORDINATOR] signs out from the menu, the session ends on the server, and another open tab follows', async ({
  page,
}) => {
  await signIn(page, account('COORDINATOR'));
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const other = await page.context().newPage();
  await other.goto('/candidates');
  await expect(other.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out/);
  await expect(other).toHaveURL(/\/signin\?reason=signed-out/);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});
