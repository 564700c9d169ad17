import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInPageAs, test } from './fixtures';
import { queryDb } from './support';

// Participants answer their own questionnaires: a one-time link on a phone, and the
// clinic tablet handed over by a coordinator. NCT06668571's plan has a baseline PHQ-9.
const TRIAL_NCT_ID = 'NCT06668571';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function participantWithoutBaseline(offset: number): Promise<string> {
  const rows = await queryDb<{ id: string }>(
    `SELECT e.id FROM "Enrollment" e JOIN "Trial" t ON t.id = e."trialId"
      WHERE t."nctId" = $1 AND e.status = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."enrollmentId" = e.id AND a.instrument = 'PHQ9' AND a.timepoint = 'BASELINE')
        AND NOT EXISTS (SELECT 1 FROM "SelfReportLink" l WHERE l."enrollmentId" = e.id)
      ORDER BY e."enrolledAt" DESC, e.id DESC`,
    [TRIAL_NCT_ID],
  );
  expect(rows.length, `an active ${TRIAL_NCT_ID} participant without a baseline PHQ-9`).toBeGreaterThan(offset);
  return rows[offset].id;
}

async function answerAll(page: Page, answers: number[], labels: Record<number, string>) {
  for (const [index, value] of answers.entries()) {
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(`^Question ${index + 1} of ${answers.length}`) }),
    ).toBeVisible();
    await page.getByRole('radio', { name: labels[value], exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
}

const FREQUENCY = { 0: 'Not at all', 1: 'Several days', 2: 'More than half the days', 3: 'Nearly every day' };

test('[COORDINATOR] sends a one-time link; the participant answers on a phone, one question at a time', async ({
  page,
  browser,
}) => {
  const enrollmentId = await participantWithoutBaseline(0);
  await signInPageAs(page, 'COORDINATOR');
  await page.goto(`/participants/${enrollmentId}/outcomes`);
  const panel = page.getByRole('region', { name: 'Participant self-report' });
  const row = panel.getByRole('listitem').filter({ hasText: 'PHQ-9' }).filter({ hasText: 'Baseline' });
  await row.getByRole('button', { name: 'Create link' }).click();
  const url = (await row.locator('.font-mono').textContent())?.trim() ?? '';
  expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const patient = await phone.newPage();
  await patient.goto(new URL(url).pathname);
  await expect(patient.getByText(/^Hello /)).toBeVisible();
  // No staff navigation, no record numbers.
  await expect(patient.getByRole('navigation')).toHaveCount(0);
  const [candidate] = await queryDb<{ mrn: string; lastName: string }>(
    `SELECT c.mrn, c."lastName" FROM "Candidate" c JOIN "Enrollment" e ON e."candidateId" = c.id WHERE e.id = $1`,
    [enrollmentId],
  );
  const html = await patient.content();
  expect(html).not.toContain(candidate.mrn);
  expect(html).not.toContain(candidate.lastName);
  expect((await new AxeBuilder({ page: patient }).withTags(WCAG).analyze()).violations).toEqual([]);
  // Touch targets are large.
  const option = await patient.getByText('Not at all', { exact: true }).locator('xpath=ancestor::label').boundingBox();
  expect(option?.height ?? 0).toBeGreaterThanOrEqual(44);

  await answerAll(patient, [1, 1, 1, 0, 0, 1, 0, 0, 0], FREQUENCY);
  await expect(patient.getByRole('heading', { name: 'Ready to send' })).toBeVisible();
  await patient.getByRole('button', { name: 'Send my answers' }).click();
  await expect(patient.getByRole('heading', { name: /^Thank you/ })).toBeVisible();
  await expect(patient.getByRole('heading', { name: /help is available/ })).toHaveCount(0);
  expect((await new AxeBuilder({ page: patient }).withTags(WCAG).analyze()).violations).toEqual([]);

  // The link is spent.
  await patient.reload();
  await expect(patient.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await phone.close();

  const [recorded] = await queryDb<{ total: number; source: string; recordedById: string | null }>(
    `SELECT total, source, "recordedById" FROM "Assessment" WHERE "enrollmentId" = $1 AND instrument = 'PHQ9' AND timepoint = 'BASELINE'`,
    [enrollmentId],
  );
  expect(recorded).toEqual({ total: 4, source: 'PATIENT', recordedById: null });
});

test('[COORDINATOR] hands over the clinic tablet: only the questionnaires are reachable, and the staff PIN ends it', async ({
  page,
  signInAs,
}) => {
  const enrollmentId = await participantWithoutBaseline(0);
  await signInAs('COORDINATOR');
  await page.goto(`/participants/${enrollmentId}/outcomes`);
  const form = page.getByRole('form', { name: 'Hand the tablet to the participant' });
  await form.getByLabel('PIN to leave tablet mode').fill('2468');
  await form.getByRole('button', { name: 'Hand the tablet over' }).click();
  await page.waitForURL('**/tablet');
  await expect(page.getByText(/^Hello /)).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

  // Nothing else of the app: the staff session is gone from this device.
  await page.goto('/candidates');
  await page.waitForURL('**/signin**');
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  await page.goto('/tablet');

  await answerAll(page, [0, 0, 0, 0, 0, 0, 0, 0, 2], FREQUENCY);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  // A suicidality answer shows crisis resources at once.
  const crisis = page.getByRole('alert').filter({ hasText: '988' });
  await expect(crisis).toBeVisible();
  await expect(crisis.getByRole('link', { name: /988 Suicide & Crisis Lifeline/ })).toHaveAttribute('href', 'tel:988');
  await expect(crisis).toContainText('911');

  await page.getByText('For staff: end tablet mode').click();
  await page.getByLabel('Staff PIN').fill('0000');
  await page.getByRole('button', { name: 'End tablet mode' }).click();
  await expect(page.getByText('That PIN is not correct.')).toBeVisible();
  await page.getByLabel('Staff PIN').fill('2468');
  await page.getByRole('button', { name: 'End tablet mode' }).click();
  await page.waitForURL('**/signin**');
  await page.goto('/tablet');
  await expect(page.getByRole('heading', { name: 'Tablet mode is not active' })).toBeVisible();
});
