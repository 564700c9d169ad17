-- DropIndex
DROP INDEX "Enrollment_trialId_idx";

-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "subjectIdPattern" TEXT NOT NULL DEFAULT 'SUBJ-{NNN}',
ADD COLUMN     "subjectIdPatternConfirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "subjectIdPatternConfirmedById" TEXT;

-- CreateTable
CREATE TABLE "SubjectIdCounter" (
    "trialId" TEXT NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SubjectIdCounter_pkey" PRIMARY KEY ("trialId")
);

-- CreateTable
CREATE TABLE "ConsentFormVersion" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "approvedOn" DATE,
    "irbReference" TEXT,
    "addedById" TEXT,
    "retiredAt" TIMESTAMPTZ(3),
    "retiredById" TEXT,
    "retireReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConsentFormVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentDocument" (
    "id" TEXT NOT NULL,
    "consentId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "replaceReason" TEXT,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentDocument_pkey" PRIMARY KEY ("id")
);

-- Hand-written: existing trials get a pattern from their acronym (letters and digits, at most 10),
-- else the default; it stays an unconfirmed clinic assumption until an admin sets or confirms it.
UPDATE "Trial" SET "subjectIdPattern" =
  COALESCE(NULLIF(left(upper(regexp_replace(COALESCE("acronym", ''), '[^A-Za-z0-9]', '', 'g')), 10), ''), 'SUBJ') || '-{NNN}';

-- Hand-written: existing enrolments get subject IDs in enrolment order per trial (date enrolled,
-- then when recorded), formatted like lib/enrollments/subject-id-pattern.ts does: the number is
-- zero-padded to the width of {N…} and never truncated. Each trial's counter starts after them.
ALTER TABLE "Enrollment" ADD COLUMN     "subjectId" TEXT;
WITH numbered AS (
  SELECT e.id, t."subjectIdPattern" AS pattern,
         length(substring(t."subjectIdPattern" FROM '\{(N+)\}')) AS width,
         row_number() OVER (PARTITION BY e."trialId" ORDER BY e."enrolledAt", e."createdAt", e.id) AS n
  FROM "Enrollment" e JOIN "Trial" t ON t.id = e."trialId"
)
UPDATE "Enrollment" e
SET "subjectId" = regexp_replace(numbered.pattern, '\{N+\}', lpad(numbered.n::text, GREATEST(numbered.width, length(numbered.n::text)), '0'))
FROM numbered WHERE numbered.id = e.id;
ALTER TABLE "Enrollment" ALTER COLUMN "subjectId" SET NOT NULL;
INSERT INTO "SubjectIdCounter" ("trialId", "lastNumber", "updatedAt")
SELECT "trialId", count(*)::int, CURRENT_TIMESTAMP FROM "Enrollment" GROUP BY "trialId";

-- Hand-written: a subject ID is never changed once assigned.
CREATE FUNCTION enrollment_subject_id_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."subjectId" IS DISTINCT FROM OLD."subjectId" THEN
    RAISE EXCEPTION 'Enrollment.subjectId cannot be changed once assigned' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER enrollment_subject_id_immutable BEFORE UPDATE OF "subjectId" ON "Enrollment"
  FOR EACH ROW EXECUTE FUNCTION enrollment_subject_id_immutable();

-- Hand-written: the free-text form versions become approved-version rows of their trial (label as
-- typed, trimmed; approval date unknown, so null), and each consent points at its row.
ALTER TABLE "Consent" ADD COLUMN     "formVersionId" TEXT;
INSERT INTO "ConsentFormVersion" ("id", "trialId", "label", "createdAt", "updatedAt")
SELECT 'cfv' || md5(pe."trialId" || '/' || btrim(c."formVersion")), pe."trialId", btrim(c."formVersion"),
       min(c."createdAt"), CURRENT_TIMESTAMP
FROM "Consent" c JOIN "PipelineEntry" pe ON pe.id = c."pipelineEntryId"
GROUP BY pe."trialId", btrim(c."formVersion");
UPDATE "Consent" c SET "formVersionId" = v.id
FROM "PipelineEntry" pe, "ConsentFormVersion" v
WHERE pe.id = c."pipelineEntryId" AND v."trialId" = pe."trialId" AND v."label" = btrim(c."formVersion");
ALTER TABLE "Consent" ALTER COLUMN "formVersionId" SET NOT NULL;
ALTER TABLE "Consent" DROP COLUMN "formVersion";

-- Hand-written: signed forms are append-only, like the audit trail (the app role also lacks
-- UPDATE and DELETE on the table: scripts/lib/db-roles.mjs).
CREATE FUNCTION consent_document_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ConsentDocument is append-only: upload a new revision instead' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER consent_document_append_only BEFORE UPDATE OR DELETE ON "ConsentDocument"
  FOR EACH ROW EXECUTE FUNCTION consent_document_append_only();
CREATE TRIGGER consent_document_no_truncate BEFORE TRUNCATE ON "ConsentDocument"
  FOR EACH STATEMENT EXECUTE FUNCTION consent_document_append_only();

-- CreateIndex
CREATE INDEX "ConsentFormVersion_addedById_idx" ON "ConsentFormVersion"("addedById");

-- CreateIndex
CREATE INDEX "ConsentFormVersion_retiredById_idx" ON "ConsentFormVersion"("retiredById");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentFormVersion_trialId_label_key" ON "ConsentFormVersion"("trialId", "label");

-- CreateIndex
CREATE INDEX "ConsentDocument_uploadedById_idx" ON "ConsentDocument"("uploadedById");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentDocument_consentId_revision_key" ON "ConsentDocument"("consentId", "revision");

-- CreateIndex
CREATE INDEX "Consent_formVersionId_idx" ON "Consent"("formVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_trialId_subjectId_key" ON "Enrollment"("trialId", "subjectId");

-- AddForeignKey
ALTER TABLE "Trial" ADD CONSTRAINT "Trial_subjectIdPatternConfirmedById_fkey" FOREIGN KEY ("subjectIdPatternConfirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectIdCounter" ADD CONSTRAINT "SubjectIdCounter_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_formVersionId_fkey" FOREIGN KEY ("formVersionId") REFERENCES "ConsentFormVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentFormVersion" ADD CONSTRAINT "ConsentFormVersion_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentFormVersion" ADD CONSTRAINT "ConsentFormVersion_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentFormVersion" ADD CONSTRAINT "ConsentFormVersion_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentDocument" ADD CONSTRAINT "ConsentDocument_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentDocument" ADD CONSTRAINT "ConsentDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
