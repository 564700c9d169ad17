import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { queryDb } from './support';

// Times are entered and shown on the clinic's clock (its settings' zone), with the zone named,
// even when the browser is somewhere else: here Tokyo, 14 hours ahead of New York in winter.
// Decision 0039.

const TRIAL_NCT_ID = 'NCT06668571';
const PHQ9 = 'PHQ-9 (Patient Health Questionnaire-9)';

test.use({ timezoneId: 'Asia/Tokyo' });

async function clinicTimeZone(): Promise<string> {
  const [row] = await queryDb<{ timeZone: string }>(`SELECT "timeZone" FROM "ClinicSettings" WHERE id = 'clinic'`);
  return row.timeZone;
}

/** The wall clock of `instant` in `timeZone`: 'YYYY-MM-DD' and 'HH:mm'. */
function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function zoneName(instant: Date, timeZone: string): string {
  return (
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}

/** '23 Nov 2026' for a 'YYYY-MM-DD' day. */
function dayLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** Collects React hydration errors: server and browser must render the same clinic times. */
function watchHydration(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/hydrat/i.test(error.message)) errors.push(error.message);
  });
  return errors;
}

test('[CLINICIAN] sees clinic times from a browser in another zone', async ({ page, signInAs }) => {
  const timeZone = await clinicTimeZone();
  // Not the first such participant: outcomes.spec.ts takes that one.
  const [participant] = await queryDb<{ enrollmentId: string; visitId: string; scheduledAt: Date; checkedInAt: Date }>(
    `SELECT e.id AS "enrollmentId", v.id AS "visitId", v."scheduledAt", v."checkedInAt"
       FROM "Enrollment" e
       JOIN "Trial" t ON t.id = e."trialId"
       JOIN "Visit" v ON v."enrollmentId" = e.id AND v."sessionNumber" = 1 AND v.status = 'COMPLETED'
      WHERE t."nctId" = $1 AND v."checkedInAt" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."enrollmentId" = e.id AND a.instrument = 'PHQ9')
      ORDER BY e."enrolledAt" DESC, e.id DESC LIMIT 1`,
    [TRIAL_NCT_ID],
  );
  expect(participant, `an enrolled ${TRIAL_NCT_ID} participant with a completed session and no PHQ-9`).toBeTruthy();
  const hydrationErrors = watchHydration(page);

  await signInAs('CLINICIAN');
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
  await page.goto(`/participants/${participant.enrollmentId}/outcomes`);
  await expect(page.getByRole('heading', { level: 1, name: /^Outcomes: / })).toBeVisible();

  // The form starts at now on the clinic clock, not Tokyo's, and says which clock that is.
  const form = page.getByRole('form', { name: 'Record questionnaire' });
  const when = form.getByLabel('Administered at');
  await expect(when).not.toHaveValue('');
  await expect(form.getByText(`Clinic time (${timeZone})`)).toBeVisible();
  const started = wallClock(new Date(), timeZone);
  const shown = (await when.inputValue()).split('T');
  expect(shown[0]).toBe(started.date);
  const minutesApart = Math.abs(
    Number(shown[1].slice(0, 2)) * 60 +
      Number(shown[1].slice(3, 5)) -
      (Number(started.time.slice(0, 2)) * 60 + Number(started.time.slice(3, 5))),
  );
  expect(minutesApart).toBeLessThanOrEqual(2);

  // Yesterday at 08:00 on the clinic clock.
  const yesterday = wallClock(new Date(Date.now() - 86_400_000), timeZone).date;
  await form.getByLabel('Instrument').selectOption('PHQ9');
  await form.getByLabel('Timepoint').selectOption('BASELINE');
  await when.fill(`${yesterday}T08:00`);
  // 1 on items 1–8 and 0 on item 9 (no suicidality answer): total 8, mild.
  for (let index = 1; index <= 9; index += 1) {
    await form.getByLabel(new RegExp(`^${index}\\. `)).selectOption(index === 9 ? '0' : '1');
  }
  await form.getByRole('button', { name: 'Save questionnaire' }).click();
  await expect(form.getByText('Saved PHQ-9 (Baseline): total 8 (mild).')).toBeVisible();

  const [stored] = await queryDb<{ administeredAt: Date }>(
    `SELECT "administeredAt" FROM "Assessment" WHERE "enrollmentId" = $1 AND instrument = 'PHQ9' AND "supersededAt" IS NULL`,
    [participant.enrollmentId],
  );
  expect(wallClock(stored.administeredAt, timeZone)).toEqual({ date: yesterday, time: '08:00' });

  const zone = zoneName(stored.administeredAt, timeZone);
  const scores = page.getByRole('region', { name: PHQ9 }).getByRole('region', { name: 'PHQ-9 scores' });
  await expect(scores.getByRole('row', { name: /Baseline/ })).toContainText(`${dayLabel(yesterday)}, 08:00 ${zone}`);

  // The infusion day: the visit and each step's time on the clinic clock, zone named.
  await page.goto(`/visits/${participant.visitId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Infusion day:/ })).toBeVisible();
  const scheduled = wallClock(participant.scheduledAt, timeZone);
  await expect(page.getByText(`${scheduled.time} ${zoneName(participant.scheduledAt, timeZone)} · `)).toBeVisible();
  const checkIn = wallClock(participant.checkedInAt, timeZone);
  await expect(
    page
      .getByRole('region', { name: /Check-in checklist/ })
      .getByText(`${dayLabel(checkIn.date)}, ${checkIn.time} ${zoneName(participant.checkedInAt, timeZone)}`),
  ).toBeVisible();

  expect(hydrationErrors).toEqual([]);
});

test('[COORDINATOR] logs a contact on the clinic clock from a browser in another zone', async ({ page, signInAs }) => {
  const timeZone = await clinicTimeZone();
  // A seeded candidate nobody has contacted yet (the candidate factory needs the app's AUDIT_KEY).
  const [candidate] = await queryDb<{ id: string }>(
    `SELECT c.id FROM "Candidate" c
      WHERE NOT EXISTS (SELECT 1 FROM "ContactAttempt" a WHERE a."candidateId" = c.id)
      ORDER BY c."createdAt" DESC, c.id DESC LIMIT 1`,
  );
  expect(candidate, 'a seeded candidate without contact attempts').toBeTruthy();
  const hydrationErrors = watchHydration(page);

  await signInAs('COORDINATOR');
  await page.goto(`/candidates/${candidate.id}`);
  const form = page.getByRole('form', { name: 'Log contact' });
  const when = form.getByLabel('When');
  await expect(when).not.toHaveValue('');
  await expect(form.getByText(`Clinic time (${timeZone})`)).toBeVisible();
  await form.getByLabel('Method').selectOption('PHONE');
  await form.getByLabel('Outcome').selectOption('NO_ANSWER');

  // A time the clinic clock skipped is named, not shifted or stored.
  await when.fill('2026-03-08T02:30');
  await form.getByRole('button', { name: 'Log contact' }).click();
  await expect(form.getByText(`02:30 on 2026-03-08 does not exist in ${timeZone}`)).toBeVisible();

  const yesterday = wallClock(new Date(Date.now() - 86_400_000), timeZone).date;
  await when.fill(`${yesterday}T08:00`);
  await form.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByText(/Contact logged: phone, no answer/)).toBeVisible();

  const [stored] = await queryDb<{ contactedAt: Date }>(
    `SELECT "contactedAt" FROM "ContactAttempt" WHERE "candidateId" = $1`,
    [candidate.id],
  );
  expect(wallClock(stored.contactedAt, timeZone)).toEqual({ date: yesterday, time: '08:00' });
  await expect(page.getByRole('list', { name: 'Contact attempts, newest first' })).toContainText(
    `${dayLabel(yesterday)}, 08:00 ${zoneName(stored.contactedAt, timeZone)}`,
  );
  expect(hydrationErrors).toEqual([]);
});

test('[ADMIN] reads audit times on the clinic clock from a browser in another zone', async ({ page, signInAs }) => {
  const timeZone = await clinicTimeZone();
  const hydrationErrors = watchHydration(page);
  await signInAs('ADMIN');
  // The newest event about one record: first on that record's page of the trail.
  const [event] = await queryDb<{ entityId: string; createdAt: Date }>(
    `SELECT "entityId", "createdAt" FROM "AuditEvent" WHERE "entityId" IS NOT NULL ORDER BY seq DESC LIMIT 1`,
  );
  expect(event, 'an audit event about a record').toBeTruthy();
  await page.goto(`/admin/audit?entityId=${encodeURIComponent(event.entityId)}`);
  await expect(page.getByText(`Times are clinic time (${timeZone}).`)).toBeVisible();

  const wall = wallClock(event.createdAt, timeZone);
  const seconds = String(
    new Intl.DateTimeFormat('en-GB', { timeZone, second: '2-digit' }).format(event.createdAt),
  ).padStart(2, '0');
  await expect(page.locator(`time[datetime="${event.createdAt.toISOString()}"]`).first()).toHaveText(
    `${dayLabel(wall.date)}, ${wall.time}:${seconds} ${zoneName(event.createdAt, timeZone)}`,
  );
  expect(hydrationErrors).toEqual([]);
});
