import { expect, test } from './fixtures';
import { queryDb } from './support';

// The Mayo neuralgia trial's perioperative infusion ("during surgery and in the 24-hour postoperative period")
// is booked by a coordinator without an infusion chair and shows as such on the schedule.

const CLINIC_TIME_ZONE = 'America/New_York';
const SESSION = 'Perioperative · 24 h · no chair';

function clinicToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CLINIC_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** The Monday after today (never today itself). */
function nextMonday(): string {
  const today = new Date(`${clinicToday()}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() + ((8 - today.getUTCDay()) % 7 || 7));
  return today.toISOString().slice(0, 10);
}

test('[COORDINATOR] books a perioperative session without a chair', async ({ page, signInAs, factory }) => {
  const enrollment = await factory<{ id: string; firstName: string; lastName: string }>('enrollment', {
    protocolNumber: 'MAYO-KETNEU',
    armLabel: 'Ketamine Infusion Group',
  });
  const name = `${enrollment.lastName}, ${enrollment.firstName}`;

  await signInAs('COORDINATOR');
  await page.goto(`/enrollments/${enrollment.id}/schedule`);
  await expect(page.getByRole('heading', { level: 1, name: `Schedule: ${name}` })).toBeVisible();

  const start = nextMonday();
  const propose = page.getByRole('form', { name: 'Propose a series' });
  await propose.getByLabel('Start date').fill(start);
  await propose.getByLabel('Preferred time').fill('07:30');
  await propose.getByRole('button', { name: 'Propose' }).click();

  const proposal = page.getByRole('list', { name: 'Proposed sessions' });
  const session1 = proposal.getByRole('listitem', { name: 'Session 1' });
  await expect(session1).toBeVisible();
  await expect(session1.getByText(SESSION)).toBeVisible();
  await expect(proposal.getByLabel('Chair for session 1')).toHaveCount(0);
  await expect(proposal.getByText('Conflict')).toHaveCount(0);
  // The admission is at the clinic's opening, 08:00, the nearest allowed time to 07:30.
  await expect(proposal.getByLabel('Time of session 1')).toHaveValue('08:00');
  const day = await proposal.getByLabel('Date of session 1').inputValue();
  expect(day >= start).toBe(true);

  await page.getByRole('button', { name: 'Book series' }).click();
  await expect(page.getByText('Series booked: 1 sessions.')).toBeVisible();
  const visits = page.getByRole('list', { name: 'Participant visits' });
  await expect(visits.getByRole('listitem', { name: 'Session 1' }).getByText(SESSION)).toBeVisible();

  const rows = await queryDb<{ chairId: string | null; sessionKind: string; durationMin: number }>(
    `SELECT "chairId", "sessionKind"::text AS "sessionKind", "durationMin" FROM "Visit" WHERE "enrollmentId" = $1`,
    [enrollment.id],
  );
  expect(rows).toEqual([{ chairId: null, sessionKind: 'PERIOPERATIVE', durationMin: 1440 }]);

  // The week view shows it in its own row, not under a chair.
  await page.goto(`/schedule?week=${day}`);
  const grid = page.getByRole('region', { name: /Infusion chairs by day/ });
  const noChairRow = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /No chair/ }) });
  await expect(noChairRow.getByRole('link', { name })).toBeVisible();
  await expect(noChairRow.getByText(SESSION).first()).toBeVisible();
});
