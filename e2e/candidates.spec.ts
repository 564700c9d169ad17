import { expect, runFactory, test } from './fixtures';
import { account, queryDb } from './support';

const TRIAL_NCT_ID = 'NCT06668571';

async function trialIdOf(nctId: string): Promise<string> {
  return (await runFactory<{ id: string }>('trial', { nctId })).id;
}

async function userIdOf(email: string): Promise<string> {
  return (await runFactory<{ id: string }>('account', { email })).id;
}

/** A unique, obviously fictional person: a random birth date keeps the duplicate check out of the way. */
function fictionalPerson() {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const year = 1950 + Math.floor(Math.random() * 50);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  return {
    firstName: 'Testina',
    lastName: `Notarealperson${suffix.toLowerCase()}`,
    dateOfBirth: `${year}-${month}-${day}`,
    mrn: `E2E-${suffix}`,
  };
}

test('[COORDINATOR] logs a referral, logs a contact and moves the candidate to prescreening', async ({
  page,
  signInAs,
}) => {
  await signInAs('COORDINATOR');
  const trialId = await trialIdOf(TRIAL_NCT_ID);
  const person = fictionalPerson();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
  await page.getByRole('link', { name: 'New referral' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'New referral' })).toBeVisible();

  const form = page.getByRole('form', { name: 'New referral' });
  // Sensible defaults: a provider referral made today (filled in once the form is interactive).
  await expect(form.getByLabel('Referral date')).not.toHaveValue('');
  await expect(form.getByLabel('Referral source')).toHaveValue('PROVIDER');
  await form.getByLabel('First name').fill(person.firstName);
  await form.getByLabel('Last name').fill(person.lastName);
  await form.getByLabel('Date of birth').fill(person.dateOfBirth);
  await form.getByLabel('Sex').selectOption('female');
  await form.getByLabel('MRN').fill(person.mrn);
  await form.getByLabel('Phone').fill('(212) 555-0142');
  await form.getByLabel('Add to trial').selectOption(trialId);
  await form.getByRole('button', { name: 'Save referral' }).click();

  await expect(page).toHaveURL(/\/candidates\/[^/?#]+\?created=1$/);
  const candidateId = new URL(page.url()).pathname.split('/').at(-1)!;
  await expect(page.getByRole('heading', { level: 1, name: `${person.lastName}, ${person.firstName}` })).toBeVisible();
  await expect(page.getByText('Referral saved.')).toBeVisible();

  // Log a phone contact. "When" is filled in once the page is interactive.
  const contactForm = page.getByRole('form', { name: 'Log contact' });
  await expect(contactForm.getByLabel('When')).not.toHaveValue('');
  await contactForm.getByLabel('Method').selectOption('PHONE');
  await contactForm.getByLabel('Outcome').selectOption('REACHED');
  await contactForm.getByLabel('Notes').fill('Interested; prefers mornings.');
  await contactForm.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByText(/Contact logged: phone, reached/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Contact attempts, newest first' }).getByRole('listitem')).toHaveCount(1);

  // REFERRED → CONTACTED → PRESCREENING.
  await page.getByRole('button', { name: 'Move to Contacted' }).click();
  await expect(page.getByText(/Moved to Contacted/)).toBeVisible();
  await page.getByRole('button', { name: 'Move to Pre-screening' }).click();
  await expect(page.getByText(/Moved to Pre-screening/)).toBeVisible();

  const history = page.getByRole('region', { name: 'Stage history' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(history.getByRole('listitem').first()).toContainText('Contacted');
  await expect(history.getByRole('listitem').first()).toContainText('Pre-screening');
  await expect(history.getByRole('listitem').first()).toContainText(account('COORDINATOR').name);
  await expect(history.getByRole('listitem').last()).toContainText('Added to the trial at');
  // ELIGIBLE/INELIGIBLE are never offered as buttons.
  await expect(page.getByRole('button', { name: /Eligible/ })).toHaveCount(0);

  const coordinatorId = await userIdOf(account('COORDINATOR').email);
  const events = await queryDb<{ fromStage: string | null; toStage: string; actorId: string; trialId: string }>(
    `SELECT e."fromStage", e."toStage", e."actorId", p."trialId"
       FROM "PipelineEvent" e JOIN "PipelineEntry" p ON p.id = e."pipelineEntryId"
      WHERE p."candidateId" = $1 ORDER BY e."createdAt", e.id`,
    [candidateId],
  );
  expect(events.map((event) => [event.fromStage, event.toStage])).toEqual([
    [null, 'REFERRED'],
    ['REFERRED', 'CONTACTED'],
    ['CONTACTED', 'PRESCREENING'],
  ]);
  expect(events.every((event) => event.actorId === coordinatorId && event.trialId === trialId)).toBe(true);

  const contacts = await queryDb<{ method: string; outcome: string }>(
    `SELECT method, outcome FROM "ContactAttempt" WHERE "candidateId" = $1`,
    [candidateId],
  );
  expect(contacts).toEqual([{ method: 'PHONE', outcome: 'REACHED' }]);

  const views = await queryDb<{ actorId: string }>(
    `SELECT "actorId" FROM "AuditEvent" WHERE action = 'candidate.view' AND "entityId" = $1`,
    [candidateId],
  );
  expect(views.length).toBeGreaterThan(0);
  expect(views.every((view) => view.actorId === coordinatorId)).toBe(true);
});

// The review queue lists eligibility checks, not candidates: its test is in eligibility.spec.ts.

test('[COORDINATOR] the candidate list filters by stage and keeps the view in the URL', async ({ page, signInAs }) => {
  await signInAs('COORDINATOR');
  await page.goto('/candidates');
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();

  const [{ count }] = await queryDb<{ count: string }>(
    `SELECT count(DISTINCT p."candidateId") AS count
       FROM "PipelineEntry" p JOIN "Candidate" c ON c.id = p."candidateId"
      WHERE p.stage = 'AWAITING_REVIEW' AND c."voidedAt" IS NULL`,
  );
  const awaiting = Number(count);
  expect(awaiting).toBeGreaterThan(0);

  const filters = page.getByRole('search', { name: 'Candidates' });
  // A choice applies at once; retried in case the page was not interactive yet when it was made.
  await expect(async () => {
    await filters.getByLabel('Stage').selectOption('AWAITING_REVIEW');
    await expect(page).toHaveURL(/[?&]stage=AWAITING_REVIEW(&|$)/, { timeout: 2_000 });
  }).toPass();

  const table = page.getByRole('table', { name: 'Candidates' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
  const shown = Math.min(awaiting, 25);
  await expect(rows).toHaveCount(shown);
  for (let index = 0; index < shown; index += 1) await expect(rows.nth(index)).toContainText('Awaiting review');
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    /\/api\/v1\/candidates\/export\?(.*&)?stage=AWAITING_REVIEW/,
  );

  // Sorting joins the filter in the URL.
  await table.getByRole('button', { name: 'Referral date' }).click();
  await expect(page).toHaveURL(/sort=referralDate/);
  await expect(page).toHaveURL(/stage=AWAITING_REVIEW/);
  await expect(table.getByRole('columnheader', { name: 'Referral date' })).toHaveAttribute('aria-sort', 'ascending');
  const viewUrl = page.url();

  // A reload (or a shared link) shows the same view.
  await page.reload();
  await expect(filters.getByLabel('Stage')).toHaveValue('AWAITING_REVIEW');
  await expect(rows).toHaveCount(shown);
  await expect(table.getByRole('columnheader', { name: 'Referral date' })).toHaveAttribute('aria-sort', 'ascending');

  // Opening a candidate and coming Back returns to the same view.
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/candidates\/[^/?#]+$/);
  await page.goBack();
  await expect(page).toHaveURL(viewUrl);
  await expect(filters.getByLabel('Stage')).toHaveValue('AWAITING_REVIEW');
  await expect(rows).toHaveCount(shown);

  // Back once more undoes the sort but keeps the filter.
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page).toHaveURL(/stage=AWAITING_REVIEW/);
  // The default order: newest referral first.
  await expect(table.getByRole('columnheader', { name: 'Referral date' })).toHaveAttribute('aria-sort', 'descending');
});

test('[COORDINATOR] the CSV export downloads with a row count, labels with codes beside them', async ({
  page,
  signInAs,
}) => {
  await signInAs('COORDINATOR');
  await page.goto('/candidates?stage=AWAITING_REVIEW');
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
  const [{ count }] = await queryDb<{ count: string }>(
    `SELECT count(DISTINCT p."candidateId") AS count
       FROM "PipelineEntry" p JOIN "Candidate" c ON c.id = p."candidateId"
      WHERE p.stage = 'AWAITING_REVIEW' AND c."voidedAt" IS NULL`,
  );
  const exportRows = page.waitForResponse((response) => response.url().includes('/api/v1/candidates/export'));
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  // Fetched by the page (the progress count reads the stream), not navigated to.
  expect((await exportRows).headers()['x-row-count']).toBe(count);
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^candidates-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(path, 'utf8').trim().split('\r\n');
  expect(lines[0]).toContain('Referral source,Referral source code');
  expect(lines).toHaveLength(Number(count) + 1);
  expect(lines[1]).toMatch(/Awaiting review \(AWAITING_REVIEW\)/);
  await expect(page.getByRole('link', { name: 'Export CSV' })).toBeVisible();
});
