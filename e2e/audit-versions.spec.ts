import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The audit trail names people and records and downloads as CSV; a trial's protocol versions can
// be compared. Both pages are checked with axe.
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
}

test('[ADMIN] exports the audit trail and compares protocol versions', async ({ page, signInAs, factory }) => {
  const admin = await signInAs('ADMIN');
  const shortTitle = `AMEND-${Date.now().toString(36).toUpperCase()}`;
  const trial = await factory<{ id: string }>('amendedTrial', { shortTitle, actorId: admin.id });

  // The trail of this trial: who (name and role), what (label and code), which record (by name).
  await page.goto(`/admin/audit?entityId=${trial.id}`);
  const table = page.getByRole('table', { name: 'Audit events, newest first' });
  const amendment = table.getByRole('row').filter({ hasText: 'Protocol amended' });
  await expect(amendment).toContainText(admin.name);
  await expect(amendment).toContainText('Admin');
  await expect(amendment).toContainText('trial.amend');
  await expect(amendment).toContainText(shortTitle);
  await expect(table.getByRole('row').filter({ hasText: 'Trial created' })).toContainText(shortTitle);
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV of the 2 matching events' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toContain('Action,Action code,Record type,Record type code,Record,Record id');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(
    `${admin.name},${admin.email},Admin,ADMIN,Protocol amended,trial.amend,Trial,Trial,${shortTitle},${trial.id}`,
  );
  expect(lines[2]).toContain(`Trial created,trial.create,Trial,Trial,${shortTitle},${trial.id}`);

  // From the trial's version history to the comparison: the latest amendment by default.
  await page.goto(`/trials/${trial.id}#versions`);
  await page.getByRole('link', { name: 'Compare versions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare protocol versions' })).toBeVisible();
  await expect(page.getByText('Amendment 1: upper age limit raised to 70')).toBeVisible();
  await expect(page.getByText(`To: version 2`)).toBeVisible();
  const criteria = page.getByRole('region', { name: 'Eligibility criteria (2 changed)' });
  await expect(criteria.getByRole('deletion')).toHaveText('Adults 18 to 65 years');
  await expect(criteria.getByRole('insertion')).toHaveText('Adults 18 to 70 years');
  await expect(criteria).toContainText('Pregnancy or breastfeeding');
  const dosing = page.getByRole('region', { name: 'Dosing and session schedule' });
  await expect(dosing.getByRole('row', { name: 'Infusion (minutes) 40 60' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Either order: from version 2 back to 1 the added exclusion is removed.
  await page.getByLabel('From', { exact: true }).selectOption('2');
  await page.getByLabel('To', { exact: true }).selectOption('1');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/from=2&to=1/);
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Pregnancy or breastfeeding' }).getByText('Removed'),
  ).toBeVisible();
});
