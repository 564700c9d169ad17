import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, runFactory, test } from './fixtures';

const MRI_TRIAL = 'NCT06668571';
const PAIN_TRIAL = 'NCT06419439';
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
  // Two trials: the MRI study reads weight, height and PHQ-9; the pain study blood pressure.
  const mriTrialId = (await runFactory<{ id: string }>('trial', { nctId: MRI_TRIAL })).id;
  const painTrialId = (await runFactory<{ id: string }>('trial', { nctId: PAIN_TRIAL })).id;
  const candidateId = await candidateInTrial(page, mriTrialId);
  const added = await page.request.post(`/api/v1/candidates/${candidateId}/pipeline`, {
    data: { trialId: painTrialId, to: 'REFERRED' },
  });
  expect(added.ok(), await added.text()).toBe(true);
  // A weight from three months ago: older than the screening window, so the form must call it stale.
  const old = await page.request.post(`/api/v1/candidates/${candidateId}/measurements`, {
    data: { code: 'weight_kg', value: 80, measuredAt: isoDay(90) },
  });
  expect(old.status(), await old.text()).toBe(201);

  await page.goto(`/candidates/${candidateId}/eligibility/measurements/new`);
  const mri = page.getByRole('region', { name: new RegExp(MRI_TRIAL) }).getByRole('form');
  const pain = page.getByRole('region', { name: new RegExp(PAIN_TRIAL) }).getByRole('form');
  const weight = mri.getByRole('group', { name: 'Weight', exact: true });
  const height = mri.getByRole('group', { name: 'Height', exact: true });
  const phq9 = mri.getByRole('group', { name: 'PHQ-9 total', exact: true });
  const bp = pain.getByRole('group', { name: 'Blood pressure', exact: true });
  await expect(weight).toContainText('Stale');
  await expect(weight).toContainText(`80 kg on ${isoDay(90)}`);
  await expect(height).toContainText('Missing');
  await expect(bp).toContainText('Missing');
  await expect(mri.getByLabel('Date measured')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  // The zone the date belongs to is named beside it.
  await expect(
    mri.getByText(/clinic's calendar \([A-Za-z_]+\/[A-Za-z_]+, where today is \d{4}-\d{2}-\d{2}\)/),
  ).toBeVisible();

  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);

  // The unit box is wide enough to show its unit.
  const unit = weight.getByRole('combobox', { name: 'Unit' });
  await unit.selectOption('lb');
  expect(await unit.evaluate((select: HTMLSelectElement) => select.clientWidth >= 80)).toBe(true);

  const saveMri = mri.getByRole('button', { name: /^Save .* screening$/ });
  await expect(saveMri).toBeEnabled();
  await weight.getByLabel('Value').fill('176');
  await height.getByLabel('Value').fill('175');
  await phq9.getByLabel('Value').fill('18');
  await saveMri.click();
  await expect(mri.getByText(/^Saved 3 values\.$/)).toBeVisible();
  // Read back after the save: the weight converted to kg and now current.
  await expect(weight).toContainText('Current');
  await expect(weight).toContainText('79.83 kg');

  // "13085" is refused on the field before anything is sent, never read as a systolic of 13085.
  const savePain = pain.getByRole('button', { name: /^Save .* screening$/ });
  await bp.getByLabel('Systolic/diastolic (mmHg)').fill('13085');
  await savePain.click();
  await expect(bp).toContainText('no slash between the two values');
  await bp.getByLabel('Systolic/diastolic (mmHg)').fill('128/82');
  await savePain.click();
  await expect(pain.getByText(/^Saved 2 values\.$/)).toBeVisible();
  await expect(bp).toContainText('Current');
  await expect(bp).toContainText('128/82 mmHg');

  const api = await page.request.get(`/api/v1/trials/${painTrialId}/screening-form?candidateId=${candidateId}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { fields: Array<{ code: string; status: string }> };
  expect(body.fields.find((field) => field.code === 'bp')?.status).toBe('current');
});
