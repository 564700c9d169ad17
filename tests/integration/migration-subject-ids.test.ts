import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBeforeMigration } from '@/tests/helpers/migration-database';

// The migration that introduced subject IDs and consent form versions, run over data written by the schema
// before it: existing enrolments get IDs in enrolment order per trial, and free-text form versions become
// version rows. The migrations are applied as SQL files, stopping before and then running this one.
const MIGRATION = 'subject_ids_consent_forms';

describe(`migration ${MIGRATION}`, () => {
  const database = databaseBeforeMigration(MIGRATION);
  let client: pg.Client;

  beforeAll(async () => {
    client = await database.open();
    await client.query(`
      INSERT INTO "User"(id, email, name, role, "passwordHash", "updatedAt")
        VALUES ('u1', 'u1@example.test', 'Fictional Coordinator', 'COORDINATOR', 'x', now());
      INSERT INTO "Trial"(id, title, acronym, "updatedAt")
        VALUES ('t1', 'Fictional trial', 'ket-pain', now()), ('t2', 'Fictional trial two', NULL, now());
      INSERT INTO "Arm"(id, "trialId", label, type, position, "updatedAt")
        VALUES ('a1', 't1', 'Arm', 'EXPERIMENTAL', 0, now()), ('a2', 't2', 'Arm', 'EXPERIMENTAL', 0, now());
      INSERT INTO "Candidate"(id, "firstName", "lastName", "dateOfBirth", sex, mrn, "referralSource", "referralDate", "updatedAt")
        SELECT 'c' || i, 'Testina', 'Notarealperson' || i, '1980-01-01', 'FEMALE', 'MIG-' || i, 'SELF', '2026-01-01', now()
        FROM generate_series(1, 4) i;
      INSERT INTO "PipelineEntry"(id, "candidateId", "trialId", stage, "updatedAt") VALUES
        ('p1', 'c1', 't1', 'ENROLLED', now()), ('p2', 'c2', 't1', 'ENROLLED', now()),
        ('p3', 'c3', 't1', 'CONSENTED', now()), ('p4', 'c4', 't2', 'ENROLLED', now());
      INSERT INTO "Enrollment"(id, "candidateId", "trialId", "pipelineEntryId", "armId", "enrolledAt", "updatedAt") VALUES
        ('e1', 'c1', 't1', 'p1', 'a1', '2026-03-02', now()), ('e2', 'c2', 't1', 'p2', 'a1', '2026-03-01', now()),
        ('e4', 'c4', 't2', 'p4', 'a2', '2026-03-01', now());
      INSERT INTO "Consent"(id, "pipelineEntryId", "consentedOn", "formVersion", "obtainedById", "updatedAt") VALUES
        ('k1', 'p1', '2026-03-01', 'v3.1 2026-09-01', 'u1', now()), ('k2', 'p2', '2026-03-01', ' v3.1 2026-09-01 ', 'u1', now()),
        ('k3', 'p3', '2026-03-01', 'v2', 'u1', now()), ('k4', 'p4', '2026-03-01', 'v3.1 2026-09-01', 'u1', now());
    `);
    await database.applyMigration();
  });

  afterAll(() => database.drop());

  it('numbers existing enrolments per trial in enrolment order, from a pattern made of the acronym', async () => {
    const { rows } = await client.query(`SELECT id, "subjectId" FROM "Enrollment" ORDER BY id`);
    expect(rows).toEqual([
      { id: 'e1', subjectId: 'KETPAIN-002' },
      { id: 'e2', subjectId: 'KETPAIN-001' },
      { id: 'e4', subjectId: 'SUBJ-001' },
    ]);
    const counters = await client.query(`SELECT "trialId", "lastNumber" FROM "SubjectIdCounter" ORDER BY "trialId"`);
    expect(counters.rows).toEqual([
      { trialId: 't1', lastNumber: 2 },
      { trialId: 't2', lastNumber: 1 },
    ]);
    await expect(client.query(`UPDATE "Enrollment" SET "subjectId" = 'X-001' WHERE id = 'e1'`)).rejects.toThrow(
      /cannot be changed/,
    );
  });

  it('turns each trial’s free-text form versions into version rows (trimmed), without an approval date', async () => {
    const { rows } = await client.query(`
      SELECT c.id, v."trialId", v.label, v."approvedOn" FROM "Consent" c
      JOIN "ConsentFormVersion" v ON v.id = c."formVersionId" ORDER BY c.id`);
    expect(rows).toEqual([
      { id: 'k1', trialId: 't1', label: 'v3.1 2026-09-01', approvedOn: null },
      { id: 'k2', trialId: 't1', label: 'v3.1 2026-09-01', approvedOn: null },
      { id: 'k3', trialId: 't1', label: 'v2', approvedOn: null },
      { id: 'k4', trialId: 't2', label: 'v3.1 2026-09-01', approvedOn: null },
    ]);
    expect((await client.query(`SELECT count(*)::int AS n FROM "ConsentFormVersion"`)).rows[0].n).toBe(3);
  });
});
