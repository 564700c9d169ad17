import { expect, test } from './fixtures';
import { queryDb } from './support';

/** A trial with scores for a questionnaire that its newest protocol version plans at two or more timepoints. */
async function trialWithPlan(): Promise<{ id: string }> {
  const rows = await queryDb<{ id: string }>(
    `SELECT t.id
       FROM "Trial" t
       JOIN "ProtocolVersion" v ON v."trialId" = t.id
        AND v.number = (SELECT max(number) FROM "ProtocolVersion" WHERE "trialId" = t.id)
       JOIN "AssessmentPlanItem" p ON p."protocolVersionId" = v.id
      WHERE EXISTS (SELECT 1 FROM "Assessment" a JOIN "Enrollment" e ON e.id = a."enrollmentId" WHERE e."trialId" = t.id AND a.instrument = p.instrument)
      GROUP BY t.id HAVING count(DISTINCT p.timepoint) >= 2
      ORDER BY t.id LIMIT 1`,
  );
  expect(rows[0], 'a trial with scores and two planned timepoints').toBeTruthy();
  return rows[0];
}

test('[ADMIN] compares two timepoints on the results page, with both % figures labelled', async ({
  page,
  signInAs,
}) => {
  const trial = await trialWithPlan();
  await signInAs('ADMIN');
  await page.goto(`/outcomes/${trial.id}`);
  const compare = page.getByRole('form', { name: 'Timepoints to compare' });
  await expect(compare.getByLabel('From', { exact: true })).toBeVisible();
  await expect(compare.getByLabel('To', { exact: true })).toBeVisible();
  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/from=[A-Z_0-9]+&to=[A-Z_0-9]+/);

  // Every questionnaire with scores gets a change table; ratio scales show both % figures, each labelled.
  const tables = page.getByRole('region', { name: /: change .+ by arm$/ });
  await expect(tables.first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Mean of individual % changes (n)' }).first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '% change of group means' }).first()).toBeVisible();

  await page.goto(`/outcomes/${trial.id}?from=AFTER_SESSION_99&to=BASELINE`);
  await expect(page.getByText('That timepoint is not in the plan')).toBeVisible();
});
