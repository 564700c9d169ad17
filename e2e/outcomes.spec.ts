import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { queryDb } from './support';

const TRIAL_NCT_ID = 'NCT06668571';
const PHQ9 = 'PHQ-9 (Patient Health Questionnaire-9)';
const ITEM_LABELS = [
  'Little interest or pleasure',
  'Feeling down, depressed or hopeless',
  'Sleep problems',
  'Tired or little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself',
  'Trouble concentrating',
  'Slowed down or restless',
  'Thoughts of death or self-harm',
];

/** A seeded participant of the trial whose first infusion is done and who has no PHQ-9 yet. */
async function participantWithoutPhq9(): Promise<string> {
  const [row] = await queryDb<{ id: string }>(
    `SELECT e.id FROM "Enrollment" e JOIN "Trial" t ON t.id = e."trialId"
      WHERE t."nctId" = $1
        AND EXISTS (SELECT 1 FROM "Visit" v WHERE v."enrollmentId" = e.id AND v."sessionNumber" = 1 AND v.status = 'COMPLETED')
        AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."enrollmentId" = e.id AND a.instrument = 'PHQ9')
      ORDER BY e."enrolledAt", e.id LIMIT 1`,
    [TRIAL_NCT_ID],
  );
  expect(row, `an enrolled ${TRIAL_NCT_ID} participant without a PHQ-9`).toBeTruthy();
  return row.id;
}

/** A datetime-local value on this machine's clock, `days` before now. */
function localDateTime(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function answer(form: Locator, items: number[]) {
  for (const [index, value] of items.entries()) {
    await form.getByLabel(`${index + 1}. ${ITEM_LABELS[index]}`, { exact: true }).selectOption(String(value));
  }
}

test('[CLINICIAN] records a PHQ-9 at baseline and after session 1, and the chart and % change appear', async ({
  page,
  signInAs,
}) => {
  const enrollmentId = await participantWithoutPhq9();
  await signInAs('CLINICIAN');
  await page.goto(`/participants/${enrollmentId}/outcomes`);
  await expect(page.getByRole('heading', { level: 1, name: /^Outcomes: / })).toBeVisible();

  const form = page.getByRole('form', { name: 'Record questionnaire' });
  await expect(form.getByLabel('Administered at')).not.toHaveValue('');

  // Baseline a week ago: 20 (severe).
  await form.getByLabel('Instrument').selectOption('PHQ9');
  await form.getByLabel('Timepoint').selectOption('BASELINE');
  await form.getByLabel('Administered at').fill(localDateTime(7));
  await answer(form, [3, 3, 3, 3, 3, 3, 2, 0, 0]);
  await expect(form.getByRole('status').filter({ hasText: 'Score preview' })).toContainText('Total 20 · severe');
  await form.getByRole('button', { name: 'Save questionnaire' }).click();
  await expect(form.getByText('Saved PHQ-9 (Baseline): total 20 (severe).')).toBeVisible();

  // After session 1, now: 10 (moderate), a 50% reduction.
  await form.getByLabel('Instrument').selectOption('PHQ9');
  await form.getByLabel('Timepoint').selectOption('AFTER_SESSION_1');
  await answer(form, [2, 2, 2, 2, 1, 1, 0, 0, 0]);
  await expect(form.getByRole('status').filter({ hasText: 'Score preview' })).toContainText('Total 10 · moderate');
  await form.getByRole('button', { name: 'Save questionnaire' }).click();
  await expect(form.getByText('Saved PHQ-9 (After session 1): total 10 (moderate).')).toBeVisible();

  const card = page.getByRole('region', { name: PHQ9 });
  await expect(card.getByRole('img', { name: 'PHQ-9 total over time' })).toBeVisible();
  const scores = card.getByRole('region', { name: 'PHQ-9 scores' });
  const afterRow = scores.getByRole('row', { name: /After session 1/ });
  await expect(afterRow).toContainText('−50%');
  await expect(afterRow).toContainText('−10');
  await expect(scores.getByRole('row', { name: /Baseline/ })).toContainText('severe');
  await expect(card.getByRole('list', { name: 'PHQ-9 status' }).getByText('Response', { exact: true })).toBeVisible();

  // The same timepoint cannot be recorded twice: it is offered for correction instead.
  await form.getByLabel('Instrument').selectOption('PHQ9');
  await expect(form.getByLabel('Timepoint').locator('option[value="BASELINE"]')).toBeDisabled();

  const recorded = await queryDb<{ timepoint: string; total: number }>(
    `SELECT timepoint, total FROM "Assessment" WHERE "enrollmentId" = $1 AND instrument = 'PHQ9' AND "supersededAt" IS NULL ORDER BY timepoint`,
    [enrollmentId],
  );
  expect(recorded).toEqual([
    { timepoint: 'AFTER_SESSION_1', total: 10 },
    { timepoint: 'BASELINE', total: 20 },
  ]);
});
