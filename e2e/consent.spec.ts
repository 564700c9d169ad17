import AxeBuilder from '@axe-core/playwright';
import { expect, runFactory, test } from './fixtures';
import { account, queryDb } from './support';

// Consent with the signed PDF, then enrolment with a subject ID (issue 15, point 5).
const TRIAL_NCT_ID = 'NCT06419439';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SIGNED_PDF = Buffer.from('%PDF-1.7\n% fictional signed consent form for an e2e test\n%%EOF\n');

test('[COORDINATOR] records consent with the signed PDF and enrols with a subject ID', async ({ page, signInAs }) => {
  const trial = await runFactory<{ id: string }>('trial', { nctId: TRIAL_NCT_ID });
  const clinician = await runFactory<{ id: string }>('account', { email: account('CLINICIAN').email });
  const token = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const version = await runFactory<{ id: string; label: string }>('consentFormVersion', {
    trialId: trial.id,
    label: `v1.${token} (e2e, fictional)`,
    approvedOn: '2026-01-15',
  });
  const person = await runFactory<{ id: string; firstName: string; lastName: string }>('eligibleCandidate', {
    trialId: trial.id,
    clinicianId: clinician.id,
    firstName: 'Testina',
    lastName: `Notarealperson${token}`,
  });

  await signInAs('COORDINATOR');
  await page.goto(`/candidates/${person.id}`);
  const card = page.getByRole('region', { name: /Ketamine \+ narrative intervention/ });

  await card.getByRole('button', { name: 'Record consent' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Consent form version').selectOption({ label: version.label });
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText(/Moved to Consented/)).toBeVisible();

  const consent = card.getByRole('region', { name: 'Consent' });
  await expect(consent).toContainText(version.label);
  await expect(consent.getByText('No signed form attached yet.')).toBeVisible();
  await consent
    .getByLabel('Signed consent form (PDF)')
    .setInputFiles({ name: 'signed-consent.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
  await consent.getByRole('button', { name: 'Attach signed form' }).click();
  await expect(consent.getByText('Signed form attached.')).toBeVisible();
  const download = consent.getByRole('link', { name: 'signed-consent.pdf' });
  await expect(download).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

  // The download is served as an attachment and logged.
  const href = await download.getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  const documentId = href!.split('/').at(-1)!;
  const views = await queryDb<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'consent.document_viewed' AND "entityId" = $1`,
    [documentId],
  );
  expect(views[0].n).toBe(1);

  await card.getByRole('button', { name: 'Enrol' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Enrol' }).click();
  await expect(page.getByText(/Moved to Enrolled/)).toBeVisible();
  const [enrolment] = await queryDb<{ subjectId: string }>(
    `SELECT "subjectId" FROM "Enrollment" WHERE "candidateId" = $1`,
    [person.id],
  );
  expect(enrolment.subjectId).toMatch(/^CLBP-\d{3}$/);
  await expect(card.getByText(enrolment.subjectId, { exact: true })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
});

test('[ADMIN] adds and retires a consent form version on the trial page', async ({ page, signInAs }) => {
  const trial = await runFactory<{ id: string }>('trial', { nctId: TRIAL_NCT_ID });
  const label = `v9.${Date.now().toString(36)} (e2e, fictional)`;
  await signInAs('ADMIN');
  await page.goto(`/trials/${trial.id}#consent-and-subject-ids`);
  const section = page.getByRole('region', { name: 'Consent forms and subject IDs' });
  await expect(section.getByText('CLBP-{NNN}', { exact: true })).toBeVisible();

  await section.getByLabel('Version label').fill(label);
  await section.getByLabel('IRB approval date').fill('2026-02-01');
  await section.getByRole('button', { name: 'Add consent form version' }).click();
  await expect(section.getByText(`Consent form ${label} added.`)).toBeVisible();
  const row = section.getByRole('row', { name: new RegExp(label.replace(/[().]/g, '\\$&')) });
  await expect(row.getByText('In use')).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

  await row.getByRole('button', { name: `Retire consent form ${label}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('Superseded (e2e)');
  await dialog.getByRole('button', { name: 'Retire version' }).click();
  await expect(row.getByText('Superseded (e2e)')).toBeVisible();
});
