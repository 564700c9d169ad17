import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrollParticipant, makeOutcomeTrial, phq9Items } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';
import { mailText, startSmtpStandIn } from '@/tests/helpers/smtp-stand-in';

useRequestId('req-self-report');

const linksRoute = await import('@/app/api/v1/enrollments/[id]/self-report-links/route');
const reminderRoute = await import('@/app/api/v1/self-report-links/[id]/reminder/route');
const patientRoute = await import('@/app/api/v1/self-report/[token]/route');
const assessmentsRoute = await import('@/app/api/v1/assessments/route');
const correctionsRoute = await import('@/app/api/v1/assessments/[id]/corrections/route');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trial: Awaited<ReturnType<typeof makeOutcomeTrial>>;
let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;

const BASE = 'http://localhost:3000/api/v1';
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

function request(method: string, path: string, body?: unknown) {
  return new NextRequest(`${BASE}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

const tokenOf = (url: string) => url.split('/r/')[1];

async function participant(email: string | null = 'river.testperson@example.test') {
  const { enrollment, candidate } = await enrollParticipant(prisma, {
    trialId: trial.id,
    armId: trial.arms[0].id,
    sessionDays: [-3, 4],
  });
  await prisma.candidate.update({ where: { id: candidate.id }, data: { email, firstName: 'River' } });
  return enrollment;
}

async function sendLink(
  enrollmentId: string,
  body: Record<string, unknown> = { instrument: 'PHQ9', timepoint: 'BASELINE' },
) {
  return linksRoute.POST(
    request('POST', `/enrollments/${enrollmentId}/self-report-links`, body),
    params({ id: enrollmentId }),
  );
}

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  trial = await makeOutcomeTrial(prisma, {
    plan: [
      { instrument: 'PHQ9', timepoint: 'BASELINE' },
      { instrument: 'PHQ9', timepoint: 'AFTER_SESSION_1' },
      { instrument: 'BPI_SF', timepoint: 'BASELINE' },
    ],
  });
  smtp = await startSmtpStandIn();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = 'TrialDesk <no-reply@clinic.test>';
});

afterAll(async () => {
  await smtp.stop();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

beforeEach(() => {
  session.user = users.coordinator;
  session.ip = '127.0.0.1';
});

describe('links', () => {
  it('[COORDINATOR] creates a single-use link that expires in 7 days; only its hash is stored; audited', async () => {
    const enrollment = await participant();
    const response = await sendLink(enrollment.id);
    expect(response.status).toBe(201);
    const link = await response.json();
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/r\/[A-Za-z0-9_-]{43}$/);
    const days = (new Date(link.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const row = await prisma.selfReportLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(tokenOf(link.url));
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'self_report.link_create', entityId: link.id },
    });
    expect(JSON.stringify(audit)).not.toContain(tokenOf(link.url));
  });

  it('refuses an instrument or timepoint outside the plan (400), a licensed instrument (400), admins (403)', async () => {
    const enrollment = await participant();
    const notInPlan = await sendLink(enrollment.id, { instrument: 'GAD7', timepoint: 'BASELINE' });
    expect(notInPlan.status).toBe(400);
    expect((await notInPlan.json()).error.fields.instrument[0]).toMatch(/not in this trial's assessment plan/);
    const badTimepoint = await sendLink(enrollment.id, { instrument: 'PHQ9', timepoint: 'AFTER_SESSION_3' });
    expect((await badTimepoint.json()).error.fields.timepoint[0]).toMatch(/not a PHQ9 timepoint/);
    const licensed = await sendLink(enrollment.id, { instrument: 'BPI_SF', timepoint: 'BASELINE' });
    expect(licensed.status).toBe(400);
    expect((await licensed.json()).error.fields.instrument[0]).toMatch(/not offered for self-report/);
    session.user = users.admin;
    expect((await sendLink(enrollment.id)).status).toBe(403);
  });

  it('emails the link through SMTP with nothing clinical in the message', async () => {
    const enrollment = await participant('sky.example@example.test');
    const before = smtp.received.length;
    const response = await sendLink(enrollment.id, { instrument: 'PHQ9', timepoint: 'BASELINE', send: 'email' });
    expect(response.status).toBe(201);
    const link = await response.json();
    expect(link.emailed).toBe(true);
    const mail = smtp.received[before];
    expect(mail.to).toEqual(['sky.example@example.test']);
    const text = mailText(mail);
    expect(text).toContain(link.url);
    expect(text).toContain('Hello River');
    for (const word of ['PHQ', 'depress', 'ketamine', 'suicid', trial.title, trial.acronym!])
      expect(text.toLowerCase()).not.toContain(word.toLowerCase());
  });

  it('answers 400 when asked to email a participant without an address, and writes nothing', async () => {
    const enrollment = await participant(null);
    const response = await sendLink(enrollment.id, { instrument: 'PHQ9', timepoint: 'BASELINE', send: 'email' });
    expect(response.status).toBe(400);
    expect(await prisma.selfReportLink.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
  });

  it('re-sends a reminder with a new token: the old URL stops working (410)', async () => {
    const enrollment = await participant();
    const first = await (
      await sendLink(enrollment.id, { instrument: 'PHQ9', timepoint: 'BASELINE', send: 'email' })
    ).json();
    const reminder = await reminderRoute.POST(
      request('POST', `/self-report-links/${first.id}/reminder`),
      params({ id: first.id }),
    );
    expect(reminder.status).toBe(200);
    const second = await reminder.json();
    expect(second.url).not.toBe(first.url);
    expect(
      (
        await patientRoute.GET(
          request('GET', `/self-report/${tokenOf(first.url)}`),
          params({ token: tokenOf(first.url) }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await patientRoute.GET(
          request('GET', `/self-report/${tokenOf(second.url)}`),
          params({ token: tokenOf(second.url) }),
        )
      ).status,
    ).toBe(200);
    expect((await prisma.selfReportLink.findUniqueOrThrow({ where: { id: first.id } })).emailsSent).toBe(2);
  });
});

describe('the participant', () => {
  it('sees their first name and the questions, never the MRN or birth date', async () => {
    const enrollment = await participant();
    const link = await (await sendLink(enrollment.id)).json();
    const response = await patientRoute.GET(
      request('GET', `/self-report/${tokenOf(link.url)}`),
      params({ token: tokenOf(link.url) }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.firstName).toBe('River');
    expect(body.form.questions).toHaveLength(9);
    const candidate = await prisma.candidate.findFirstOrThrow({
      where: { enrollments: { some: { id: enrollment.id } } },
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain(candidate.mrn);
    expect(text).not.toContain(candidate.lastName);
    expect(text).not.toContain(candidate.dateOfBirth.toISOString().slice(0, 10));
  });

  it('answers once: the assessment is recorded as source PATIENT; the link then answers 410', async () => {
    const enrollment = await participant();
    const link = await (await sendLink(enrollment.id)).json();
    const token = tokenOf(link.url);
    const response = await patientRoute.POST(
      request('POST', `/self-report/${token}`, { items: phq9Items(12) }),
      params({ token }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ recorded: true, crisisResources: null });
    const listed = await (
      await assessmentsRoute.GET(request('GET', `/assessments?enrollmentId=${enrollment.id}`), params({}))
    ).json();
    expect(listed.assessments).toHaveLength(1);
    expect(listed.assessments[0]).toMatchObject({
      instrument: 'PHQ9',
      timepoint: 'BASELINE',
      total: 12,
      source: 'PATIENT',
      recordedBy: 'Participant (self-report)',
    });
    expect(
      (await patientRoute.POST(request('POST', `/self-report/${token}`, { items: phq9Items(12) }), params({ token })))
        .status,
    ).toBe(410);
    expect((await patientRoute.GET(request('GET', `/self-report/${token}`), params({ token }))).status).toBe(410);
    // A new link for an answered questionnaire is refused.
    expect((await sendLink(enrollment.id)).status).toBe(409);
  });

  it('gets crisis resources at once for a suicidality answer, and clinicians are alerted', async () => {
    const enrollment = await participant();
    const link = await (await sendLink(enrollment.id)).json();
    const token = tokenOf(link.url);
    const response = await patientRoute.POST(
      request('POST', `/self-report/${token}`, { items: phq9Items(14, 1) }),
      params({ token }),
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(JSON.stringify(body.crisisResources)).toMatch(/988/);
    expect(JSON.stringify(body.crisisResources)).toMatch(/911/);
    const assessment = await prisma.assessment.findFirstOrThrow({ where: { enrollmentId: enrollment.id } });
    expect(
      await prisma.auditEvent.count({ where: { action: 'assessment.safety_flag', entityId: assessment.id } }),
    ).toBe(1);
    const alert = await prisma.safetyAlert.findFirstOrThrow({ where: { assessmentId: assessment.id } });
    expect(alert).toMatchObject({ kind: 'SUICIDALITY', status: 'OPEN', flagCode: 'PHQ9_ITEM9' });
    expect(alert.summary).toMatch(/answered by the participant/);
  });

  it('answers 400 for invalid answers and records nothing', async () => {
    const enrollment = await participant();
    const link = await (await sendLink(enrollment.id)).json();
    const token = tokenOf(link.url);
    const response = await patientRoute.POST(
      request('POST', `/self-report/${token}`, { items: [0, 1, 2, 9, 0, 0, 0, 0, 0] }),
      params({ token }),
    );
    expect(response.status).toBe(400);
    expect(await prisma.assessment.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
  });

  it('answers 410 for an expired link and 404 for an unknown one', async () => {
    const enrollment = await participant();
    const link = await (await sendLink(enrollment.id)).json();
    await prisma.selfReportLink.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const token = tokenOf(link.url);
    expect((await patientRoute.GET(request('GET', `/self-report/${token}`), params({ token }))).status).toBe(410);
    const unknown = 'A'.repeat(43);
    expect((await patientRoute.GET(request('GET', `/self-report/${unknown}`), params({ token: unknown }))).status).toBe(
      404,
    );
  });

  it('throttles an address that guesses tokens (429 with Retry-After), not other addresses', async () => {
    session.ip = '203.0.113.77';
    const statuses: number[] = [];
    for (let index = 0; index < 22; index += 1) {
      const guess = `${String(index).padStart(2, '0')}${'x'.repeat(41)}`;
      statuses.push((await patientRoute.GET(request('GET', `/self-report/${guess}`), params({ token: guess }))).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await patientRoute.GET(
      request('GET', `/self-report/${'y'.repeat(43)}`),
      params({ token: 'y'.repeat(43) }),
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    session.ip = '198.51.100.5';
    expect(
      (await patientRoute.GET(request('GET', `/self-report/${'z'.repeat(43)}`), params({ token: 'z'.repeat(43) })))
        .status,
    ).toBe(404);
  });

  it('staff correct a patient’s answers only with a reason; the original stays', async () => {
    const enrollment = await participant();
    const link = await (await sendLink(enrollment.id)).json();
    const token = tokenOf(link.url);
    await patientRoute.POST(request('POST', `/self-report/${token}`, { items: phq9Items(10) }), params({ token }));
    const original = await prisma.assessment.findFirstOrThrow({ where: { enrollmentId: enrollment.id } });
    session.user = users.clinician;
    const noReason = await correctionsRoute.POST(
      request('POST', `/assessments/${original.id}/corrections`, { items: phq9Items(11) }),
      params({ id: original.id }),
    );
    expect(noReason.status).toBe(400);
    const corrected = await correctionsRoute.POST(
      request('POST', `/assessments/${original.id}/corrections`, {
        items: phq9Items(11),
        reason: 'Participant said item 2 was mis-tapped',
      }),
      params({ id: original.id }),
    );
    expect(corrected.status).toBe(201);
    const kept = await prisma.assessment.findUniqueOrThrow({ where: { id: original.id } });
    expect(kept).toMatchObject({ source: 'PATIENT', total: 10 });
    expect(kept.supersededAt).not.toBeNull();
  });
});
