import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInPageAsEmail, test } from './fixtures';
import { queryDb } from './support';

// The masked demo trial (NCT06668571, triple masked) read page by page as each role: the
// coordinator and a blinded clinician find no allocation anywhere; the named unblinded
// preparer does see the arm.
const TRIAL_NCT_ID = 'NCT06668571';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Participant = {
  candidateId: string;
  enrollmentId: string;
  visitId: string | null;
  day: string | null;
  trialId: string;
};

async function maskedParticipants(): Promise<{ participants: Participant[]; armLabels: string[] }> {
  const participants = await queryDb<Participant>(
    `SELECT DISTINCT ON (e."armId") e."candidateId", e.id AS "enrollmentId", e."trialId",
            (SELECT v.id FROM "Visit" v WHERE v."enrollmentId" = e.id ORDER BY v."sessionNumber" LIMIT 1) AS "visitId",
            (SELECT to_char(v."scheduledAt" AT TIME ZONE 'America/New_York', 'YYYY-MM-DD') FROM "Visit" v WHERE v."enrollmentId" = e.id ORDER BY v."sessionNumber" LIMIT 1) AS day
       FROM "Enrollment" e JOIN "Trial" t ON t.id = e."trialId" WHERE t."nctId" = $1 ORDER BY e."armId", e.id`,
    [TRIAL_NCT_ID],
  );
  const arms = await queryDb<{ label: string }>(
    `SELECT a.label FROM "Arm" a JOIN "Trial" t ON t.id = a."trialId" WHERE t."nctId" = $1`,
    [TRIAL_NCT_ID],
  );
  return { participants, armLabels: arms.map((arm) => arm.label) };
}

function pagesOf(participant: Participant): string[] {
  return [
    `/candidates/${participant.candidateId}`,
    `/participants/${participant.enrollmentId}/outcomes`,
    `/enrollments/${participant.enrollmentId}/schedule`,
    `/outcomes/${participant.trialId}`,
    ...(participant.visitId ? [`/visits/${participant.visitId}`] : []),
    ...(participant.day ? [`/schedule?day=${participant.day}`] : []),
  ];
}

async function readPages(page: Page, participants: Participant[]): Promise<Array<{ url: string; html: string }>> {
  const read: Array<{ url: string; html: string }> = [];
  for (const participant of participants) {
    for (const url of pagesOf(participant)) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBeLessThan(400);
      read.push({ url, html: await page.content() });
    }
  }
  return read;
}

for (const who of [
  { title: '[COORDINATOR] blinded', email: 'coordinator@trialdesk.test' },
  { title: '[CLINICIAN] blinded', email: 'clinician@trialdesk.test' },
]) {
  test(`${who.title} reads every page of the masked trial's participants and finds no allocation`, async ({
    page,
    signInAsEmail,
  }) => {
    test.setTimeout(180_000);
    const { participants, armLabels } = await maskedParticipants();
    expect(participants.length).toBeGreaterThan(0);
    await signInAsEmail(who.email);
    const pages = await readPages(page, participants);
    const leaks = pages.flatMap(({ url, html }) => [
      ...armLabels.filter((label) => html.includes(label)).map((label) => `${url}: ${label}`),
      ...(/placebo/i.test(html) ? [`${url}: placebo`] : []),
      ...(/\d+(\.\d+)? mg\b(?!\/kg)/.test(html.replace(/0\.5 mg\/kg|50 mg/g, '')) ? [`${url}: an mg figure`] : []),
    ]);
    expect(leaks).toEqual([]);
  });
}

test('[CLINICIAN] unblinded preparer sees the arm of a masked-trial participant; the emergency-unblinding form is not offered to them', async ({
  page,
  signInAsEmail,
}) => {
  const { participants, armLabels } = await maskedParticipants();
  await signInAsEmail('pharmacist@trialdesk.test');
  await page.goto(`/candidates/${participants[0].candidateId}`);
  const html = await page.content();
  expect(armLabels.some((label) => html.includes(label))).toBe(true);
  await expect(page.getByText('Emergency unblinding')).toHaveCount(0);
});

test('[CLINICIAN] blinded breaks the blind in an emergency: the arm is shown to them and the record says so; admins are alerted', async ({
  page,
  browser,
  signInAsEmail,
}) => {
  const { participants, armLabels } = await maskedParticipants();
  const target = participants[0];
  await signInAsEmail('clinician@trialdesk.test');
  await page.goto(`/candidates/${target.candidateId}`);
  await page.getByText('Emergency unblinding').click();
  const form = page.getByRole('form', { name: /^Emergency unblinding/ });
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  await form
    .getByLabel('Why must the blind be broken?')
    .fill('Severe reaction; the emergency team needs the allocation to treat');
  await form.getByLabel(/I understand/).check();
  await form.getByRole('button', { name: 'Break the blind' }).click();
  // The record now says the blind was broken, by whom and why, and shows this clinician the arm.
  const banner = page.getByText(/Blind broken in an emergency/).locator('xpath=ancestor::div[1]');
  await expect(page.getByText(/Blind broken in an emergency/)).toBeVisible();
  await expect(page.getByText(/Arm: /)).toBeVisible();
  const armText = (await page.getByText(/Arm: /).textContent()) ?? '';
  expect(armLabels.some((label) => armText.includes(label))).toBe(true);
  await expect(banner).toBeVisible();

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInPageAsEmail(adminPage, 'admin@trialdesk.test');
  const panel = adminPage.getByRole('region', { name: /Emergency unblindings to review/ });
  await expect(panel).toBeVisible();
  const adminHtml = await adminPage.content();
  expect(armLabels.filter((label) => adminHtml.includes(label))).toEqual([]);
  await admin.close();
});
