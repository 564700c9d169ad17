import { session, useRequestId } from '@/tests/helpers/route-harness';
import type { Role } from '@/lib/auth/permissions';
import type { ActorContext } from '@/lib/auth/actor-context';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { parseStudies } from '@/lib/ctgov/parse-studies';
import { confirmArmDosing } from '@/lib/trials/confirm-arm-dosing';
import { confirmCriterionRule } from '@/lib/trials/confirm-criterion-rule';
import { getProtocolVersion, getTrial } from '@/lib/trials/get-trial';
import { importTrials, previewImport } from '@/lib/trials/import-trials';
import { createCandidate } from '@/prisma/seed/candidates';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '../helpers/test-db';

useRequestId('req-trials-import');

const { POST: importRoute } = await import('@/app/api/v1/trials/import/route');

const prisma = getTestPrisma();
const FIXTURES = path.join(process.cwd(), 'lib/ctgov/fixtures');
const FIXTURE_FILES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .sort();

type Study = { protocolSection: Record<string, any> } & Record<string, any>;

function fixture(nct: string): Study {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${nct}.json`), 'utf8')) as Study;
}

let nctCounter = 0;
/** NCT ids no real study or other test uses: NCT9 + pid-derived digits + a counter. */
function uniqueNct(): string {
  nctCounter += 1;
  return `NCT9${String(process.pid % 1000).padStart(3, '0')}${String(nctCounter).padStart(4, '0')}`;
}

function withNct(study: Study, nct: string): Study {
  const copy = structuredClone(study);
  copy.protocolSection.identificationModule.nctId = nct;
  return copy;
}

function post(body: string, search = '') {
  return new NextRequest(`http://localhost:3000/api/v1/trials/import${search}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}
const noParams = { params: Promise.resolve({}) };

let admin: { id: string; name: string; email: string; role: Role };
let ctx: ActorContext;

function contextFor(user: { id: string; name: string; role: Role }): ActorContext {
  return {
    user,
    audit: (tx, event) => recordAuditEvent(tx, { ...event, actorId: user.id, requestId: 'req-trials-import' }),
  };
}

async function screenSomeone(trialId: string) {
  const candidate = await createCandidate(prisma);
  await prisma.pipelineEntry.create({ data: { candidateId: candidate.id, trialId, stage: 'PRESCREENING' } });
}

/** Rows an import of these NCT ids (by this admin) could write. */
async function footprint(ncts: string[]) {
  return {
    trials: await prisma.trial.count({ where: { nctId: { in: ncts } } }),
    imports: await prisma.trialImport.count({ where: { nctId: { in: ncts } } }),
    audit: await prisma.auditEvent.count({ where: { actorId: admin.id } }),
  };
}

beforeAll(async () => {
  admin = await createUser(prisma, { role: 'ADMIN', name: 'Import Admin' });
  ctx = contextFor(admin);
});

beforeEach(() => {
  session.user = { id: admin.id, email: admin.email, name: admin.name, role: 'ADMIN' };
});

describe('import of every ClinicalTrials.gov fixture', () => {
  it('creates each study with the right arms, interventions, links and criteria (201 per file, single studies and { studies } lists)', async () => {
    expect(FIXTURE_FILES.length).toBeGreaterThanOrEqual(16);
    const studies: Study[] = [];
    for (const name of FIXTURE_FILES) {
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      const res = await importRoute(post(text), noParams);
      const body = await res.json();
      expect(res.status, `${name}: ${JSON.stringify(body.error)}`).toBe(201);
      const document = JSON.parse(text) as Study & { studies?: Study[] };
      const inFile = document.studies ?? [document];
      expect(body.results, name).toHaveLength(inFile.length);
      expect(
        body.results.every((item: { created: boolean }) => item.created),
        name,
      ).toBe(true);
      studies.push(...inFile);
    }
    expect(new Set(studies.map((study) => study.protocolSection.identificationModule.nctId)).size).toBe(studies.length);

    const parsed = parseStudies({ studies });
    if (!parsed.ok) throw new Error('fixtures must parse');
    for (const [index, study] of studies.entries()) {
      const nctId = study.protocolSection.identificationModule.nctId as string;
      const module = study.protocolSection.armsInterventionsModule ?? {};
      const draft = parsed.drafts[index].draft;
      const trial = await prisma.trial.findUniqueOrThrow({
        where: { nctId },
        include: {
          arms: true,
          interventions: { include: { arms: true } },
          imports: true,
          protocolVersions: { include: { criteria: true, dosing: true } },
        },
      });
      expect(trial.source, nctId).toBe('CTGOV_IMPORT');
      expect(trial.arms.map((arm) => arm.label).sort(), nctId).toEqual(
        (module.armGroups ?? []).map((arm: { label: string }) => arm.label.trim()).sort(),
      );
      expect(trial.interventions, nctId).toHaveLength((module.interventions ?? []).length);
      const links = trial.interventions.reduce((sum, item) => sum + item.arms.length, 0);
      expect(links, nctId).toBe(draft.interventions.reduce((sum, item) => sum + item.armLabels.length, 0));
      expect(trial.protocolVersions, nctId).toHaveLength(1);
      const [version] = trial.protocolVersions;
      expect(version.criteria, nctId).toHaveLength(draft.criteria.length);
      expect(
        version.criteria.filter((c) => c.kind === 'INCLUSION'),
        nctId,
      ).toHaveLength(draft.criteria.filter((c) => c.kind === 'INCLUSION').length);
      // Suggestions only: nothing is confirmed by an import.
      expect(
        version.criteria.every((c) => c.rule === null && c.ruleConfirmedById === null),
        nctId,
      ).toBe(true);
      expect(version.dosing, nctId).toHaveLength(trial.arms.length);
      expect(
        version.dosing.every((d) => d.protocol === null),
        nctId,
      ).toBe(true);
      expect(trial.imports, nctId).toHaveLength(1);
      expect(trial.imports[0]).toMatchObject({ importedById: admin.id, changes: [] });
      expect((trial.imports[0].document as Study).protocolSection.identificationModule.nctId).toBe(nctId);
      expect(
        await prisma.auditEvent.count({ where: { action: 'trial.import', entityId: trial.id, actorId: admin.id } }),
        nctId,
      ).toBe(1);
    }

    // The API shape: arms carry the suggested dosing, criteria the suggested rule, kind in lower case.
    const withDosing = await prisma.trial.findUniqueOrThrow({ where: { nctId: 'NCT03418623' } });
    const detail = await getTrial(withDosing.id);
    expect(detail.arms.find((arm) => arm.label === 'GET73')).toMatchObject({
      type: 'EXPERIMENTAL',
      dosingStatus: 'suggested',
      dosing: { doseMode: 'FIXED', fixedMg: 300 },
    });
    expect(detail.criteria[0]).toMatchObject({
      kind: 'inclusion',
      rule: null,
      suggestedRule: { kind: 'number', measure: 'age_years' },
    });
  }, 180_000);
});

describe('re-import', () => {
  it('updates the trial in place, reports what changed and keeps confirmed rules and dosing of unchanged items', async () => {
    const nct = uniqueNct();
    const original = withNct(fixture('NCT00973089'), nct);
    const first = await importTrials({ json: original, ctx });
    expect(first.results).toEqual([expect.objectContaining({ nctId: nct, created: true, changes: [] })]);
    const trialId = first.results[0].trialId;

    const before = await getTrial(trialId);
    const age = before.criteria.find((c) => c.text === 'Age 5 Years to 8 Years')!;
    const cooperation = before.criteria.find((c) => c.text === 'Lack of cooperation')!;
    await confirmCriterionRule({ trialId, criterionId: age.id, ctx });
    await confirmCriterionRule({
      trialId,
      criterionId: cooperation.id,
      rule: { kind: 'fact', fact: 'able_to_consent', equals: false },
      ctx,
    });

    const changed = structuredClone(original);
    changed.protocolSection.designModule.enrollmentInfo.count = 40;
    changed.protocolSection.eligibilityModule.eligibilityCriteria =
      original.protocolSection.eligibilityModule.eligibilityCriteria.replace(
        '* Lack of cooperation',
        '* Lack of cooperation during the dental treatment',
      );

    const preview = await previewImport(changed);
    expect(preview.items[0]).toMatchObject({ existingTrialId: trialId, amendsProtocol: false });
    expect(preview.items[0].changes.map((change) => change.path)).toContain('targetEnrollment');
    expect((await getTrial(trialId)).targetEnrollment).toBe(0);

    const second = await importTrials({ json: changed, ctx });
    const [result] = second.results;
    expect(result).toMatchObject({ trialId, nctId: nct, created: false, amendedToVersion: null });
    expect(result.changes).toContainEqual(expect.objectContaining({ path: 'targetEnrollment', before: 0, after: 40 }));
    expect(
      result.changes.some(
        (change) =>
          change.path.startsWith('criteria[') && JSON.stringify(change.after).includes('during the dental treatment'),
      ),
    ).toBe(true);

    const after = await getTrial(trialId);
    expect(after.id).toBe(trialId);
    expect(after.targetEnrollment).toBe(40);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.versions).toHaveLength(1);
    expect(after.criteria).toHaveLength(before.criteria.length);
    // The unchanged age criterion keeps its confirmed rule and who confirmed it.
    expect(after.criteria.find((c) => c.text === 'Age 5 Years to 8 Years')).toMatchObject({
      id: age.id,
      rule: { kind: 'number', measure: 'age_years', op: 'between', value: 5, max: 8 },
      ruleConfirmedBy: { id: admin.id, name: admin.name },
    });
    // The reworded criterion loses the rule confirmed for its old wording.
    expect(after.criteria.find((c) => c.text === 'Lack of cooperation during the dental treatment')).toMatchObject({
      rule: null,
      ruleConfirmedBy: null,
    });
    expect(after.imports).toHaveLength(2);
    expect(after.imports[0].changeCount).toBe(result.changes.length);
    const rows = await prisma.trialImport.findMany({ where: { trialId }, orderBy: { createdAt: 'asc' } });
    expect(rows[1].changes).toEqual(JSON.parse(JSON.stringify(result.changes)));

    // The same document again changes nothing.
    const third = await importTrials({ json: changed, ctx });
    expect(third.results[0]).toMatchObject({ created: false, changes: [] });
  }, 60_000);

  it('keeps confirmed dosing for arms whose label is unchanged', async () => {
    const nct = uniqueNct();
    const study = withNct(fixture('NCT03418623'), nct);
    const { results } = await importTrials({ json: study, ctx });
    const trial = await getTrial(results[0].trialId);
    const get73 = trial.arms.find((arm) => arm.label === 'GET73')!;
    const confirmed = await confirmArmDosing({ trialId: trial.id, armId: get73.id, ctx });
    expect(confirmed.arms.find((arm) => arm.id === get73.id)).toMatchObject({
      dosingStatus: 'confirmed',
      confirmedDosing: { fixedMg: 300 },
    });

    const changed = structuredClone(study);
    changed.protocolSection.armsInterventionsModule.armGroups[1].description =
      'Matching placebo capsules, twice daily.';
    const { results: again } = await importTrials({ json: changed, ctx });
    expect(again[0].changes.map((change) => change.path)).toContain('arms[Placebo].description');
    const after = await getTrial(trial.id);
    expect(after.arms.find((arm) => arm.label === 'GET73')).toMatchObject({
      id: get73.id,
      dosingStatus: 'confirmed',
      confirmedDosing: { fixedMg: 300 },
    });
    expect(after.arms.find((arm) => arm.label === 'Placebo')).toMatchObject({
      confirmedDosing: null,
      description: 'Matching placebo capsules, twice daily.',
    });
  }, 60_000);

  it('after a screening, creates a new protocol version and leaves the old version exactly as it was', async () => {
    const nct = uniqueNct();
    const original = withNct(fixture('NCT00973089'), nct);
    const { results } = await importTrials({ json: original, ctx });
    const trialId = results[0].trialId;
    await screenSomeone(trialId);
    const v1 = await prisma.criterion.findMany({
      where: { protocolVersion: { trialId, number: 1 } },
      orderBy: { position: 'asc' },
    });

    const changed = structuredClone(original);
    changed.protocolSection.eligibilityModule.eligibilityCriteria =
      original.protocolSection.eligibilityModule.eligibilityCriteria.replace(
        '* Absence of spontaneous pain',
        '* Absence of spontaneous or provoked pain',
      );
    expect((await previewImport(changed)).items[0].amendsProtocol).toBe(true);
    const now = new Date('2026-03-04T12:00:00Z');
    const { results: second } = await importTrials({ json: changed, ctx, now });
    expect(second[0]).toMatchObject({ created: false, amendedToVersion: 2 });

    const detail = await getTrial(trialId);
    expect(detail.protocolVersion).toMatchObject({
      number: 2,
      reason: 'Re-imported from ClinicalTrials.gov on 2026-03-04',
      createdBy: { id: admin.id },
    });
    expect(detail.hasScreenings).toBe(true);
    expect(detail.criteria.map((c) => c.text)).toContain('Absence of spontaneous or provoked pain');
    expect(detail.versions.map((v) => v.number)).toEqual([2, 1]);

    const v1After = await prisma.criterion.findMany({
      where: { protocolVersion: { trialId, number: 1 } },
      orderBy: { position: 'asc' },
    });
    expect(v1After).toEqual(v1);
    const old = await getProtocolVersion(trialId, 1);
    expect(old.isCurrentVersion).toBe(false);
    expect(old.criteria.map((c) => c.text)).toContain('Absence of spontaneous pain');

    const amend = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'trial.amend', entityId: trialId } });
    expect(amend).toMatchObject({
      actorId: admin.id,
      reason: 'Re-imported from ClinicalTrials.gov on 2026-03-04',
      before: { protocolVersion: 1 },
      after: { protocolVersion: 2 },
    });
  }, 60_000);

  it('a metadata-only re-import after a screening does not create a version', async () => {
    const nct = uniqueNct();
    const original = withNct(fixture('NCT03418623'), nct);
    const { results } = await importTrials({ json: original, ctx });
    await screenSomeone(results[0].trialId);
    const changed = structuredClone(original);
    changed.protocolSection.statusModule.overallStatus = 'TERMINATED';
    const { results: second } = await importTrials({ json: changed, ctx });
    expect(second[0]).toMatchObject({
      amendedToVersion: null,
      changes: [expect.objectContaining({ path: 'overallStatus', before: 'COMPLETED', after: 'TERMINATED' })],
    });
    expect((await getTrial(results[0].trialId)).versions).toHaveLength(1);
  }, 60_000);
});

describe('documents that cannot be imported', () => {
  it('answers 400 and writes nothing for invalid JSON, non-v2 documents, a missing NCT id, or one bad study among good ones', async () => {
    const good = withNct(fixture('NCT03418623'), uniqueNct());
    const noNct = structuredClone(good);
    delete noNct.protocolSection.identificationModule.nctId;
    const goodNct = good.protocolSection.identificationModule.nctId as string;
    const start = await footprint([goodNct]);

    const cases: Array<[string, string]> = [
      ['invalid JSON', '{"protocolSection": {'],
      ['not a study', JSON.stringify({ hello: 'world' })],
      ['not an object', JSON.stringify([1, 2, 3])],
      ['no NCT id', JSON.stringify(noNct)],
      ['one bad study among good ones', JSON.stringify({ studies: [good, noNct] })],
      ['a malformed NCT id', JSON.stringify(withNct(good, 'NCT123'))],
    ];
    for (const [label, body] of cases) {
      const res = await importRoute(post(body), noParams);
      expect(res.status, label).toBe(400);
      const json = await res.json();
      expect(json.error.code, label).toBe('VALIDATION_FAILED');
      expect(Object.keys(json.error.fields ?? {}).length, label).toBeGreaterThan(0);
    }
    const res = await importRoute(post(JSON.stringify({ studies: [good, noNct] })), noParams);
    expect((await res.json()).error.fields).toHaveProperty(['studies.1.protocolSection.identificationModule.nctId']);
    expect(await footprint([goodNct])).toEqual(start);
  });

  it('answers 413 for a document over 5 MB and writes nothing', async () => {
    const good = withNct(fixture('NCT03418623'), uniqueNct());
    const nct = good.protocolSection.identificationModule.nctId as string;
    good.protocolSection.descriptionModule = { briefSummary: 'x'.repeat(5 * 1024 * 1024 + 10) };
    const start = await footprint([nct]);
    const res = await importRoute(post(JSON.stringify(good)), noParams);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await footprint([nct])).toEqual(start);
  });

  it('previews without writing (?preview=1) and answers 200 for an update', async () => {
    const study = withNct(fixture('NCT03418623'), uniqueNct());
    const nct = study.protocolSection.identificationModule.nctId as string;
    const start = await footprint([nct]);
    const preview = await importRoute(post(JSON.stringify(study), '?preview=1'), noParams);
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body.items).toEqual([
      expect.objectContaining({ existingTrialId: null, changes: [], draft: expect.objectContaining({ nctId: nct }) }),
    ]);
    expect(await footprint([nct])).toEqual(start);

    expect((await importRoute(post(JSON.stringify(study)), noParams)).status).toBe(201);
    const again = await importRoute(post(JSON.stringify(study)), noParams);
    expect(again.status).toBe(200);
    expect((await again.json()).results[0]).toMatchObject({ created: false, changes: [] });
  }, 60_000);

  it('rolls the whole document back when one study fails while writing (and leaves no audit row)', async () => {
    const good = withNct(fixture('NCT03418623'), uniqueNct());
    const other = withNct(fixture('NCT00973089'), uniqueNct());
    const ncts = [good, other].map((study) => study.protocolSection.identificationModule.nctId as string);
    const start = await footprint(ncts);
    let calls = 0;
    const failing: ActorContext = {
      user: admin,
      audit: async (tx, event) => {
        calls += 1;
        if (calls === 2) throw new Error('audit store unavailable');
        await recordAuditEvent(tx, { ...event, actorId: admin.id });
      },
    };
    await expect(importTrials({ json: { studies: [good, other] }, ctx: failing })).rejects.toThrow(
      'audit store unavailable',
    );
    expect(calls).toBe(2);
    expect(await footprint(ncts)).toEqual(start);
  }, 60_000);
});
