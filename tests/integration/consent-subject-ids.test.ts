import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCandidate } from '@/lib/candidates/create-candidate';
import { contextFor, intakeInput, isoDaysAgo, makeTrial } from '@/lib/candidates/test-support';
import type { CandidateDetail } from '@/lib/candidates/types';
import { MAX_CONSENT_PDF_BYTES } from '@/lib/consent/document-policy';
import type { ConsentDocumentDto, ConsentFormVersionDto } from '@/lib/consent/types';
import { addToPipeline } from '@/prisma/seed/candidates';
import { createStaff, type StaffMember } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-consent-subject-ids');

const candidateRoute = await import('@/app/api/v1/candidates/[id]/route');
const pipelineRoute = await import('@/app/api/v1/candidates/[id]/pipeline/route');
const patternRoute = await import('@/app/api/v1/trials/[id]/subject-id-pattern/route');
const formsRoute = await import('@/app/api/v1/trials/[id]/consent-forms/route');
const retireRoute = await import('@/app/api/v1/trials/[id]/consent-forms/[versionId]/retirement/route');
const documentsRoute = await import('@/app/api/v1/consents/[id]/documents/route');
const documentRoute = await import('@/app/api/v1/consents/[id]/documents/[documentId]/route');

const prisma = getTestPrisma();
const staff = {} as Record<'admin' | 'coordinator' | 'clinician', StaffMember>;
const BASE = 'http://localhost:3000/api/v1';
const PDF = new TextEncoder().encode('%PDF-1.7\n% fictional signed consent form\n%%EOF\n');

beforeAll(async () => {
  Object.assign(staff, await createStaff(prisma));
});

const params = (values: Record<string, string>) => ({ params: Promise.resolve(values) });

function json(method: string, body?: unknown) {
  return new NextRequest(`${BASE}/`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

function upload(bytes: Uint8Array<ArrayBuffer>, options: { name?: string; type?: string; reason?: string } = {}) {
  const form = new FormData();
  form.set(
    'file',
    new File([bytes], options.name ?? 'signed consent.pdf', { type: options.type ?? 'application/pdf' }),
  );
  if (options.reason) form.set('reason', options.reason);
  return new NextRequest(`${BASE}/`, { method: 'POST', body: form, headers: { host: 'localhost:3000' } });
}

/** A new candidate whose pipeline in the trial has reached ELIGIBLE (as a signed decision leaves it). */
async function eligibleCandidate(trialId: string) {
  const ctx = contextFor(staff.coordinator);
  const candidate = await createCandidate({ input: intakeInput(), ctx });
  await addToPipeline(prisma, {
    candidateId: candidate.id,
    trialId,
    path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE'],
    actorId: staff.clinician.id,
  });
  return candidate;
}

function move(candidateId: string, body: Record<string, unknown>) {
  return pipelineRoute.POST(json('POST', body), params({ id: candidateId }));
}

async function consented(trial: { id: string; consentFormVersions: Array<{ id: string }> }) {
  const candidate = await eligibleCandidate(trial.id);
  session.user = staff.coordinator;
  const res = await move(candidate.id, {
    trialId: trial.id,
    to: 'CONSENTED',
    consent: { consentedOn: isoDaysAgo(0), formVersionId: trial.consentFormVersions[0].id },
  });
  expect(res.status).toBe(200);
  const { consentId } = (await res.json()) as { consentId: string };
  return { candidate, consentId };
}

describe('subject IDs', () => {
  it('[COORDINATOR] 20 parallel enrolments in one trial get 20 distinct, consecutive subject IDs', async () => {
    const trial = await makeTrial(prisma, { studyType: 'OBSERVATIONAL' });
    await prisma.trial.update({ where: { id: trial.id }, data: { subjectIdPattern: 'PAR-{NNN}' } });
    const people = [];
    for (let i = 0; i < 20; i += 1) people.push(await consented(trial));
    session.user = staff.coordinator;
    const responses = await Promise.all(
      people.map(({ candidate }) => move(candidate.id, { trialId: trial.id, to: 'ENROLLED', armId: trial.arms[0].id })),
    );
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(200));
    const ids = (await Promise.all(responses.map((res) => res.json()))).map((body) => body.subjectId as string);
    expect([...ids].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `PAR-${String(i + 1).padStart(3, '0')}`));

    const detail = (await (
      await candidateRoute.GET(json('GET'), params({ id: people[0].candidate.id }))
    ).json()) as CandidateDetail;
    expect(detail.pipelines[0].subjectId).toBe(ids[0]);
    const enrolment = await prisma.enrollment.findFirstOrThrow({ where: { candidateId: people[0].candidate.id } });
    const created = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'enrollment.create', entityId: enrolment.id },
    });
    expect(created.after).toMatchObject({ subjectId: ids[0] });
  });

  it('a subject ID cannot be changed once assigned (the database refuses)', async () => {
    const trial = await makeTrial(prisma, { studyType: 'OBSERVATIONAL' });
    const { candidate } = await consented(trial);
    await move(candidate.id, { trialId: trial.id, to: 'ENROLLED', armId: trial.arms[0].id });
    const enrolment = await prisma.enrollment.findFirstOrThrow({ where: { candidateId: candidate.id } });
    await expect(
      prisma.enrollment.update({ where: { id: enrolment.id }, data: { subjectId: 'EDITED-001' } }),
    ).rejects.toThrow(/cannot be changed/);
  });

  it('[ADMIN] sets and confirms the pattern (400 when invalid, 409 once IDs exist); [COORDINATOR] 403', async () => {
    const trial = await makeTrial(prisma, { studyType: 'OBSERVATIONAL' });
    session.user = staff.coordinator;
    expect((await patternRoute.PUT(json('PUT', { pattern: 'KET-{NNN}' }), params({ id: trial.id }))).status).toBe(403);

    session.user = staff.admin;
    const bad = await patternRoute.PUT(json('PUT', { pattern: 'ket {n}' }), params({ id: trial.id }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.pattern).toBeDefined();
    const ok = await patternRoute.PUT(json('PUT', { pattern: 'KET-{NNNN}' }), params({ id: trial.id }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ pattern: 'KET-{NNNN}', nextSubjectId: 'KET-0001', assignedCount: 0 });
    expect(await prisma.auditEvent.count({ where: { action: 'trial.subject_id_pattern', entityId: trial.id } })).toBe(
      1,
    );

    const { candidate } = await consented(trial);
    await move(candidate.id, { trialId: trial.id, to: 'ENROLLED', armId: trial.arms[0].id });
    session.user = staff.admin;
    const changed = await patternRoute.PUT(json('PUT', { pattern: 'OTHER-{NNN}' }), params({ id: trial.id }));
    expect(changed.status).toBe(409);
    const confirmed = await patternRoute.PUT(json('PUT', { pattern: 'KET-{NNNN}' }), params({ id: trial.id }));
    expect(await confirmed.json()).toMatchObject({ assignedCount: 1, nextSubjectId: 'KET-0002' });
  });
});

describe('consent form versions', () => {
  it('[ADMIN] adds and retires versions with a reason, audited and kept; [COORDINATOR] cannot manage them', async () => {
    const trial = await makeTrial(prisma);
    session.user = staff.coordinator;
    const body = { label: 'v3.0', approvedOn: isoDaysAgo(10), irbReference: 'IRB-FICTIONAL-1' };
    expect((await formsRoute.POST(json('POST', body), params({ id: trial.id }))).status).toBe(403);

    session.user = staff.admin;
    const added = await formsRoute.POST(json('POST', body), params({ id: trial.id }));
    expect(added.status).toBe(201);
    const version = (await added.json()) as ConsentFormVersionDto;
    expect((await formsRoute.POST(json('POST', body), params({ id: trial.id }))).status).toBe(409);
    const noReason = await retireRoute.POST(json('POST', {}), params({ id: trial.id, versionId: version.id }));
    expect(noReason.status).toBe(400);
    const retired = await retireRoute.POST(
      json('POST', { reason: 'Superseded by v4.0' }),
      params({ id: trial.id, versionId: version.id }),
    );
    expect(retired.status).toBe(200);
    expect((await retired.json()).retired).toMatchObject({ reason: 'Superseded by v4.0' });
    expect(
      (await retireRoute.POST(json('POST', { reason: 'again' }), params({ id: trial.id, versionId: version.id })))
        .status,
    ).toBe(409);

    session.user = staff.clinician;
    const listed = await (await formsRoute.GET(json('GET'), params({ id: trial.id }))).json();
    expect(listed.consentForms.map((form: ConsentFormVersionDto) => form.label)).toContain('v3.0');
    const actions = await prisma.auditEvent.findMany({ where: { entityId: version.id }, select: { action: true } });
    expect(actions.map((event) => event.action).sort()).toEqual(['consent_form.add', 'consent_form.retire']);
  });

  it('[COORDINATOR] cannot record consent on a retired version or another trial’s (400)', async () => {
    const trial = await makeTrial(prisma);
    const other = await makeTrial(prisma);
    const candidate = await eligibleCandidate(trial.id);
    await prisma.consentFormVersion.update({
      where: { id: trial.consentFormVersions[0].id },
      data: { retiredAt: new Date(), retireReason: 'Superseded' },
    });
    session.user = staff.coordinator;
    for (const formVersionId of [trial.consentFormVersions[0].id, other.consentFormVersions[0].id]) {
      const res = await move(candidate.id, {
        trialId: trial.id,
        to: 'CONSENTED',
        consent: { consentedOn: isoDaysAgo(0), formVersionId },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields['consent.formVersionId']).toBeDefined();
    }
    const free = await move(candidate.id, {
      trialId: trial.id,
      to: 'CONSENTED',
      consent: { consentedOn: isoDaysAgo(0), formVersion: 'v2.0 typed by hand' },
    });
    expect(free.status).toBe(400);
    expect(await prisma.consent.count({ where: { pipelineEntry: { candidateId: candidate.id } } })).toBe(0);
  });
});

describe('the signed consent form (PDF)', () => {
  it('[COORDINATOR] attaches it; a replacement needs a reason and keeps the first', async () => {
    const trial = await makeTrial(prisma);
    const { candidate, consentId } = await consented(trial);
    session.user = staff.coordinator;
    const first = await documentsRoute.POST(upload(PDF), params({ id: consentId }));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ revision: 1, fileName: 'signed consent.pdf', byteSize: PDF.length });

    const noReason = await documentsRoute.POST(upload(PDF), params({ id: consentId }));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.fields.reason).toBeDefined();
    const second = await documentsRoute.POST(
      upload(PDF, { reason: 'First scan was missing page 3' }),
      params({ id: consentId }),
    );
    expect(second.status).toBe(201);

    const detail = (await (
      await candidateRoute.GET(json('GET'), params({ id: candidate.id }))
    ).json()) as CandidateDetail;
    const documents = detail.pipelines[0].consent?.documents ?? [];
    expect(documents.map((document) => [document.revision, document.replaceReason])).toEqual([
      [2, 'First scan was missing page 3'],
      [1, null],
    ]);
    expect(JSON.stringify(detail)).not.toContain('fictional signed consent form');
    expect(
      await prisma.auditEvent.count({
        where: { action: 'consent.document_upload', after: { path: ['consentId'], equals: consentId } },
      }),
    ).toBe(2);
  });

  it('refuses a file over 10 MB (413) and one that is not a PDF (415), whatever its name', async () => {
    const trial = await makeTrial(prisma);
    const { consentId } = await consented(trial);
    session.user = staff.coordinator;
    const big = new Uint8Array(MAX_CONSENT_PDF_BYTES + 1);
    big.set(PDF);
    expect((await documentsRoute.POST(upload(big), params({ id: consentId }))).status).toBe(413);
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const notPdf = await documentsRoute.POST(upload(html, { name: 'consent.pdf' }), params({ id: consentId }));
    expect(notPdf.status).toBe(415);
    const asJson = await documentsRoute.POST(json('POST', { file: 'x' }), params({ id: consentId }));
    expect(asJson.status).toBe(415);
    expect(await prisma.consentDocument.count({ where: { consentId } })).toBe(0);
  });

  it('[ADMIN] cannot upload (no pipeline.move: 403)', async () => {
    const trial = await makeTrial(prisma);
    const { consentId } = await consented(trial);
    session.user = staff.admin;
    expect((await documentsRoute.POST(upload(PDF), params({ id: consentId }))).status).toBe(403);
  });

  it('[CLINICIAN] downloads it as an attachment with nosniff, and every view is audited', async () => {
    const trial = await makeTrial(prisma);
    const { consentId } = await consented(trial);
    session.user = staff.coordinator;
    const uploaded = (await (
      await documentsRoute.POST(upload(PDF), params({ id: consentId }))
    ).json()) as ConsentDocumentDto;

    session.user = staff.clinician;
    for (let view = 0; view < 2; view += 1) {
      const res = await documentRoute.GET(json('GET'), params({ id: consentId, documentId: uploaded.id }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="signed consent.pdf"');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    }
    const views = await prisma.auditEvent.findMany({
      where: { action: 'consent.document_viewed', entityId: uploaded.id },
    });
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ actorId: staff.clinician.id });

    const other = await consented(await makeTrial(prisma));
    const wrong = await documentRoute.GET(json('GET'), params({ id: other.consentId, documentId: uploaded.id }));
    expect(wrong.status).toBe(404);
    session.user = null;
    expect((await documentRoute.GET(json('GET'), params({ id: consentId, documentId: uploaded.id }))).status).toBe(401);
  });

  it('signed forms cannot be deleted from the database', async () => {
    const trial = await makeTrial(prisma);
    const { consentId } = await consented(trial);
    session.user = staff.coordinator;
    const uploaded = (await (
      await documentsRoute.POST(upload(PDF), params({ id: consentId }))
    ).json()) as ConsentDocumentDto;
    await expect(prisma.consentDocument.delete({ where: { id: uploaded.id } })).rejects.toThrow(
      // The app's role has no DELETE on it (scripts/lib/db-roles.mjs); the owner would hit the trigger.
      /permission denied|append-only/,
    );
  });
});
