import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { queryDb } from './support';

// A small registry record whose eligibility text has a clear numeric criterion ("Age 21 Years to 40 Years")
// that the importer turns into a suggested structured rule.
const IMPORT_NCT_ID = 'NCT03418623';
const IMPORT_FIXTURE = fileURLToPath(new URL(`../lib/ctgov/fixtures/${IMPORT_NCT_ID}.json`, import.meta.url));
const AGE_CRITERION = 'Age 21 Years to 40 Years';

async function trialIdOf(nctId: string): Promise<string> {
  const [row] = await queryDb<{ id: string }>(`SELECT id FROM "Trial" WHERE "nctId" = $1`, [nctId]);
  expect(row, `trial ${nctId} exists`).toBeTruthy();
  return row.id;
}

/** Searches the trials list for an NCT id and opens the trial from its row. */
async function openTrialFromList(page: Page, nctId: string) {
  await page.goto('/trials');
  await expect(page.getByRole('heading', { level: 1, name: 'Trials' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by NCT id or title' }).fill(nctId);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${nctId}`));
  const row = page.getByRole('row').filter({ hasText: nctId });
  await expect(row).toHaveCount(1);
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/trials\/[^/?#]+$/);
}

test('[ADMIN] imports a ClinicalTrials.gov record and confirms a suggested rule', async ({ page, signInAs }) => {
  await signInAs('ADMIN');
  await page.goto('/trials');
  await page.getByRole('link', { name: 'Import from ClinicalTrials.gov' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import from ClinicalTrials.gov' })).toBeVisible();

  await page.getByLabel('Study JSON').fill(readFileSync(IMPORT_FIXTURE, 'utf8'));
  await page.getByRole('button', { name: 'Preview' }).click();

  const preview = page.getByRole('region', { name: 'Preview: 1 study' });
  await expect(preview).toBeVisible();
  const study = preview.getByRole('article');
  await expect(study).toContainText(IMPORT_NCT_ID);
  await expect(study.getByText('New trial', { exact: true })).toBeVisible();
  await expect(study.getByRole('listitem').filter({ hasText: AGE_CRITERION })).toContainText('Suggested rule');
  await expect(study.getByRole('listitem').filter({ hasText: AGE_CRITERION })).toContainText('Age 21–40 years');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Imported 1 study' })).toBeVisible();
  await page.getByRole('link', { name: `Open trial ${IMPORT_NCT_ID}` }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('GET73');
  const criteria = page.getByRole('region', { name: 'Eligibility criteria' });
  const age = criteria.getByRole('listitem').filter({ hasText: AGE_CRITERION });
  await expect(age.getByText('Clinician judgment', { exact: true })).toBeVisible();
  await expect(age.getByText('Suggested rule', { exact: true })).toBeVisible();
  await age.getByRole('button', { name: /^Confirm suggested rule/ }).click();

  await expect(age.getByText('Confirmed rule', { exact: true })).toBeVisible();
  await expect(age).toContainText('Age 21–40 years');
  await expect(age.getByRole('button', { name: /^Confirm/ })).toHaveCount(0);

  const trialId = await trialIdOf(IMPORT_NCT_ID);
  const [criterion] = await queryDb<{ id: string; rule: unknown; ruleConfirmedById: string | null }>(
    `SELECT c.id, c.rule, c."ruleConfirmedById"
       FROM "Criterion" c JOIN "ProtocolVersion" v ON v.id = c."protocolVersionId"
      WHERE v."trialId" = $1 AND c.text = $2
      ORDER BY v.number DESC LIMIT 1`,
    [trialId, AGE_CRITERION],
  );
  expect(criterion.rule).toEqual({ kind: 'number', measure: 'age_years', op: 'between', value: 21, max: 40 });
  expect(criterion.ruleConfirmedById).not.toBeNull();
  const events = await queryDb<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE action = 'criterion.confirm_rule' AND "entityId" = $1`,
    [criterion.id],
  );
  expect(events).toHaveLength(1);
  const imports = await queryDb<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE action = 'trial.import' AND "entityId" = $1`,
    [trialId],
  );
  expect(imports.length).toBeGreaterThanOrEqual(1);
});

test('[COORDINATOR] can view a trial but cannot edit it', async ({ page, signInAs }) => {
  await signInAs('COORDINATOR');
  await page.goto('/trials');
  await expect(page.getByRole('heading', { level: 1, name: 'Trials' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New trial' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Import from ClinicalTrials.gov' })).toHaveCount(0);

  await openTrialFromList(page, 'NCT06419439');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Arms and dosing' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Eligibility criteria' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit trial' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Confirm/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Dismiss/ })).toHaveCount(0);

  const trialId = await trialIdOf('NCT06419439');
  for (const path of ['/trials/new', '/trials/import', `/trials/${trialId}/edit`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }

  const [before] = await queryDb<{ title: string; version: number }>(
    `SELECT title, version FROM "Trial" WHERE id = $1`,
    [trialId],
  );
  const api = await page.request.patch(`/api/v1/trials/${trialId}`, {
    data: { version: before.version, title: 'Changed by a coordinator' },
  });
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe('FORBIDDEN');
  const [after] = await queryDb<{ title: string; version: number }>(
    `SELECT title, version FROM "Trial" WHERE id = $1`,
    [trialId],
  );
  expect(after).toEqual(before);
});

test('[CLINICIAN] sees the seeded NCT06668571 with its dosing in plain words', async ({ page, signInAs }) => {
  await signInAs('CLINICIAN');
  await openTrialFromList(page, 'NCT06668571');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Single IV ketamine vs saline in TRD (MRI)' }),
  ).toBeVisible();

  const arms = page.getByRole('region', { name: 'Arms and dosing' });
  const ketamine = arms.getByRole('article', { name: 'Ketamine Group' });
  await expect(ketamine).toContainText('0.5 mg/kg actual body weight, capped at 50 mg, IV over 40 min');
  await expect(ketamine).toContainText('optional open-label extension 1–7 days after');
  await expect(ketamine.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(arms.getByText('Suggested — not yet confirmed')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Confirm/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit trial' })).toHaveCount(0);
});
