-- CreateEnum
CREATE TYPE "SafetyAlertKind" AS ENUM ('SUICIDALITY', 'SERIOUS_ADVERSE_EVENT');

-- CreateEnum
CREATE TYPE "SafetyAlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED');

-- CreateTable
CREATE TABLE "SafetyAlert" (
    "id" TEXT NOT NULL,
    "kind" "SafetyAlertKind" NOT NULL,
    "status" "SafetyAlertStatus" NOT NULL DEFAULT 'OPEN',
    "enrollmentId" TEXT NOT NULL,
    "assessmentId" TEXT,
    "flagCode" TEXT,
    "adverseEventId" TEXT,
    "summary" TEXT NOT NULL,
    "acknowledgedById" TEXT,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "action" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SafetyAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SafetyAlert_adverseEventId_key" ON "SafetyAlert"("adverseEventId");

-- CreateIndex
CREATE INDEX "SafetyAlert_status_createdAt_idx" ON "SafetyAlert"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SafetyAlert_enrollmentId_idx" ON "SafetyAlert"("enrollmentId");

-- CreateIndex
CREATE INDEX "SafetyAlert_acknowledgedById_idx" ON "SafetyAlert"("acknowledgedById");

-- CreateIndex
CREATE UNIQUE INDEX "SafetyAlert_assessmentId_flagCode_key" ON "SafetyAlert"("assessmentId", "flagCode");

-- AddForeignKey
ALTER TABLE "SafetyAlert" ADD CONSTRAINT "SafetyAlert_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyAlert" ADD CONSTRAINT "SafetyAlert_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyAlert" ADD CONSTRAINT "SafetyAlert_adverseEventId_fkey" FOREIGN KEY ("adverseEventId") REFERENCES "AdverseEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyAlert" ADD CONSTRAINT "SafetyAlert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: not expressible in schema.prisma.

-- Flags are typed codes from lib/outcomes/flags.ts; rows scored before carry the old strings.
UPDATE "Assessment" SET "flags" = array_replace("flags", 'suicidality_item9', 'PHQ9_ITEM9') WHERE "instrument" = 'PHQ9';
UPDATE "Assessment" SET "flags" = array_replace("flags", 'suicidality_item9', 'BDI2_ITEM9') WHERE "instrument" = 'BDI_II';
UPDATE "Assessment" SET "flags" = array_replace("flags", 'suicidality_item12', 'QIDS_ITEM12') WHERE "instrument" = 'QIDS_SR16';
UPDATE "Assessment" SET "flags" = array_replace("flags", 'probable_ptsd', 'PCL5_PROBABLE_PTSD') WHERE "instrument" = 'PCL5';

-- A safety alert is a permanent record: never deleted, acknowledged once.
CREATE FUNCTION safety_alert_protect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SafetyAlert rows are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."status" <> 'OPEN'
     OR NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."enrollmentId" IS DISTINCT FROM OLD."enrollmentId"
     OR NEW."assessmentId" IS DISTINCT FROM OLD."assessmentId" OR NEW."flagCode" IS DISTINCT FROM OLD."flagCode"
     OR NEW."adverseEventId" IS DISTINCT FROM OLD."adverseEventId" OR NEW."summary" IS DISTINCT FROM OLD."summary"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'SafetyAlert % can only be acknowledged, once', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER safety_alert_protect BEFORE UPDATE OR DELETE ON "SafetyAlert"
  FOR EACH ROW EXECUTE FUNCTION safety_alert_protect();
