import { expect, test } from '@playwright/test';
import { queryDb, signInAs } from './support';

/** A trial with PHQ-9 scores whose newest protocol version plans PHQ-9 at two or more timepoints. */
async function trialWithPlan(): Promise<{ id: string; timepoints: string[] }> {
  const rows = await queryDb<{ id: string; timepoints: string[] }>(
    `SELECT t.id, array_agg(DISTINCT p.timepoint) AS timepoints
       FROM "Trial" t
       JOIN "ProtocolVersion" v ON v."trialId" = t.id
        AND v.number = (SELECT max(number) FROM "ProtocolVersion" WHERE "trialId" = t.id)
       JOIN "AssessmentPlanItem" p ON p."protocolVersionId" = v.id
      WHERE p.instrument = 'PHQ9'
        AND EXISTS (SELECT 1 FROM "Assessment" a JOIN "Enrollment" e ON e.id = a."enrollmentId" WHERE e."trialId" = t.id AND a.instrument = 'PHQ9')
      GROUP BY t.id HAVING count(DISTINCT p.timepoint) >= 2
      ORDER BY t.id LIMIT 1`,
  );
  expect(rows[0], 'a trial that plans PHQ-9 at two timepoints').toBeTruthy();
  return rows[0];
}

test('[ADMIN] compares two timepoints on the results page, with both % figures labelled', async ({ page }) => {
  const trial = await trialWithPlan();
  await signInAs(page, 'ADMIN');
  await page.goto(`/outcomes/${trial.id}`);
  const compare = page.getByRole('form', { name: 'Timepoints to compare' });
  await expect(compare.getByLabel('From', { exact: true })).toBeVisible();
  await expect(compare.getByLabel('To', { exact: true })).toBeVisible();
  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/from=[A-Z_0-9]+&to=[A-Z_0-9]+/);

  const phq9 = page.getByRole('region', { name: /^PHQ-9: change .+ by arm$/ });
  await expect(phq9).toBeVisible();
  await expect(phq9.getByRole('columnheader', { name: 'Mean of individual % changes (n)' })).toBeVisible();
  await expect(phq9.getByRole('columnheader', { name: '% change of group means' })).toBeVisible();

  await page.goto(`/outcomes/${trial.id}?from=AFTER_SESSION_99&to=BASELINE`);
  await expect(page.getByText('That timepoint is not in the plan')).toBeVisible();
});
