import AxeBuilder from '@axe-core/playwright';
import { expect, runFactory, test } from './fixtures';

const MRI_TRIAL = 'NCT06668571';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
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
const ANSWERS = [3, 2, 2, 2, 2, 2, 2, 2, 1];

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test('[CLINICIAN] uses the screening PHQ-9 as the baseline', async ({ page, signInAs }) => {
  await signInAs('CLINICIAN');
  const trialId = (await runFactory<{ id: string }>('trial', { nctId: MRI_TRIAL })).id;
  // Enrolled two days ago; the trial's PHQ-9 baseline window opens 7 days before enrolment.
  const { candidateId, enrollmentId, enrolledOn } = await runFactory<{
    candidateId: string;
    enrollmentId: string;
    enrolledOn: string;
  }>('enrolledParticipant', { trialId, enrolledDaysAgo: 2 });
  const screenedOn = addDays(enrolledOn, -3);

  // Screening: the PHQ-9 entered item by item; the total is the outcomes scorer's.
  await page.goto(`/candidates/${candidateId}/eligibility/measurements/new`);
  const form = page.getByRole('region', { name: new RegExp(MRI_TRIAL) }).getByRole('form');
  const phq9 = form.getByRole('group', { name: 'PHQ-9 total', exact: true });
  await phq9.getByLabel('Enter the 9 items instead of the total').check();
  await expect(phq9.getByLabel('Value')).toHaveCount(0);
  for (const [index, answer] of ANSWERS.entries())
    await phq9.getByLabel(`${index + 1}. ${ITEM_LABELS[index]}`, { exact: true }).selectOption(String(answer));
  await expect(phq9.getByText('Total 18')).toBeVisible();
  await form.getByLabel('Date measured').fill(screenedOn);
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  await form.getByRole('button', { name: /^Save .* screening$/ }).click();
  await expect(form.getByText('Saved 1 value.')).toBeVisible();

  // Outcomes: preview (date, items, score), a time on the clinic's clock, then confirm.
  await page.goto(`/participants/${enrollmentId}/outcomes`);
  const card = page.getByRole('region', { name: 'PHQ-9 baseline from screening' });
  await expect(card).toContainText('total 18 (moderately severe)');
  await card.getByRole('button', { name: 'Use screening PHQ-9 as baseline' }).click();
  const confirm = card.getByRole('form', { name: 'Confirm baseline from screening' });
  const answers = confirm.getByRole('table', { name: 'Answers that will be recorded' });
  await expect(answers.getByRole('row')).toHaveCount(10);
  await expect(answers.getByRole('row', { name: /Thoughts of death or self-harm/ })).toContainText('1');
  await expect(confirm.getByText(/opens a safety alert/)).toBeVisible();
  await expect(confirm.getByText(/Clinic time \(/)).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  await confirm.getByLabel(/^Time taken on/).fill('08:15');
  await confirm.getByRole('button', { name: 'Confirm baseline' }).click();

  // The baseline is now on the PHQ-9 card, and the offer is gone.
  const phq9Card = page.getByRole('region', { name: 'PHQ-9 (Patient Health Questionnaire-9)' });
  await expect(
    phq9Card.getByRole('region', { name: 'PHQ-9 scores' }).getByRole('row', { name: /Baseline/ }),
  ).toContainText('18');
  await expect(page.getByRole('region', { name: 'PHQ-9 baseline from screening' })).toHaveCount(0);
});
