import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, runFactory, test } from './fixtures';

const TRIAL_NCT_ID = 'NCT06668571';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** A new, obviously fictional candidate on the trial's pipeline, made through the API with the page's session. */
async function candidateInTrial(page: Page, trialId: string): Promise<string> {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const response = await page.request.post('/api/v1/candidates', {
    data: {
      firstName: 'Testina',
      lastName: `Notarealform${suffix}`,
      dateOfBirth: `${new Date().getUTCFullYear() - 40}-03-14`,
      mrn: `E2E-SF-${suffix.toUpperCase()}`,
      sex: 'female',
      phone: '(212) 555-0142',
      referralSource: 'PROVIDER',
      referralDate: isoDay(3),
      trialId,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('[COORDINATOR] enters screening in one form', async ({ page, signInAs }) => {
  await signInAs('COORDINATOR');
  const trialId = (await runFactory<{ id: string }>('trial', { nctId: TRIAL_NCT_ID })).id;
  const candidateId = await candidateInTrial(page, trialId);
  // A weight from three months ago: older than the screening window, so the form must call it stale.
  const old = await page.request.post(`/api/v1/candidates/${candidateId}/measurements`, {
    data: { code: 'weight_kg', value: 80, measuredAt: isoDay(90) },
  });
  expect(old.status(), await old.text()).toBe(201);

  await page.goto(`/candidates/${candidateId}/eligibility/measurements/new`);
  const form = page.getByRole('form', { name: /^Screening for / });
  await expect(form).toBeVisible();
  const weight = form.getByRole('group', { name: 'Weight', exact: true });
  const bp = form.getByRole('group', { name: 'Blood pressure', exact: true });
  const height = form.getByRole('group', { name: 'Height', exact: true });
  const phq9 = form.getByRole('group', { name: 'PHQ-9 total', exact: true });
  await expect(weight).toContainText('Stale');
  await expect(weight).toContainText(`80 kg on ${isoDay(90)}`);
  await expect(bp).toContainText('Missing');
  await expect(form.getByLabel('Date measured')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  // The zone the date belongs to is named beside it.
  await expect(form.getByText(/clinic's calendar \([A-Za-z_]+\/[A-Za-z_]+\)/)).toBeVisible();

  // The unit box is wide enough to show its unit.
  const unit = weight.getByRole('combobox', { name: 'Unit' });
  await unit.selectOption('lb');
  const fits = await unit.evaluate((select: HTMLSelectElement) => select.clientWidth >= 80);
  expect(fits).toBe(true);

  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

  // "13085" is refused on the field before anything is sent, never read as a systolic of 13085.
  const save = form.getByRole('button', { name: /^Save .* screening$/ });
  await expect(save).toBeEnabled();
  await bp.getByLabel('Systolic/diastolic (mmHg)').fill('13085');
  await save.click();
  await expect(bp).toContainText('no slash between the two values');

  await bp.getByLabel('Systolic/diastolic (mmHg)').fill('128/82');
  await weight.getByLabel('Value').fill('176');
  await height.getByLabel('Value').fill('175');
  await phq9.getByLabel('Value').fill('18');
  await save.click();
  await expect(form.getByText(/^Saved 5 values\.$/)).toBeVisible();

  // After the save the page reads the values back: the reading as one, the weight converted to kg.
  await expect(bp).toContainText('Current');
  await expect(bp).toContainText('128/82 mmHg');
  await expect(weight).toContainText('79.83 kg');

  const api = await page.request.get(`/api/v1/trials/${trialId}/screening-form?candidateId=${candidateId}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { fields: Array<{ code: string; status: string }> };
  expect(body.fields.find((field) => field.code === 'bp')?.status).toBe('current');
  expect(body.fields.find((field) => field.code === 'weight_kg')?.status).toBe('current');
});
