-- CreateEnum
CREATE TYPE "PregnancyTestResult" AS ENUM ('NOT_REQUIRED', 'NEGATIVE', 'POSITIVE');

-- CreateEnum
CREATE TYPE "AeRelatedness" AS ENUM ('NOT_RELATED', 'UNLIKELY', 'POSSIBLE', 'PROBABLE', 'DEFINITE');

-- CreateEnum
CREATE TYPE "AeAction" AS ENUM ('NONE', 'INFUSION_SLOWED', 'INFUSION_INTERRUPTED', 'INFUSION_STOPPED', 'MEDICATION_GIVEN', 'WITHDRAWN_FROM_STUDY', 'OTHER');

-- CreateEnum
CREATE TYPE "AeOutcome" AS ENUM ('RECOVERED', 'RECOVERING', 'NOT_RECOVERED', 'RECOVERED_WITH_SEQUELAE', 'FATAL', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "MeasurementKind" AS ENUM ('NUMERIC', 'LAB', 'DIAGNOSIS', 'MEDICATION', 'FACT');

-- CreateEnum
CREATE TYPE "EligibilityOverall" AS ENUM ('INELIGIBLE', 'INCOMPLETE', 'PENDING_REVIEW', 'PENDING_SIGNATURE', 'ELIGIBLE');

-- CreateEnum
CREATE TYPE "EligibilityDecision" AS ENUM ('ELIGIBLE', 'INELIGIBLE');

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "checkedInAt" TIMESTAMPTZ(3),
ADD COLUMN     "completedAt" TIMESTAMPTZ(3),
ADD COLUMN     "dischargedAt" TIMESTAMPTZ(3),
ADD COLUMN     "endsAt" TIMESTAMPTZ(3),
ADD COLUMN     "hasNoNewExclusion" BOOLEAN,
ADD COLUMN     "holdOverriddenById" TEXT,
ADD COLUMN     "holdOverrideReason" TEXT,
ADD COLUMN     "isDriverConfirmed" BOOLEAN,
ADD COLUMN     "isDriverPresentAtDischarge" BOOLEAN,
ADD COLUMN     "originalScheduledAt" TIMESTAMPTZ(3),
ADD COLUMN     "pregnancyTest" "PregnancyTestResult",
ADD COLUMN     "statusReason" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ClinicSettings" (
    "id" TEXT NOT NULL DEFAULT 'clinic',
    "timeZone" TEXT NOT NULL,
    "openDays" INTEGER[],
    "openTime" TEXT NOT NULL,
    "closeTime" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "monitoringMinutes" INTEGER NOT NULL,
    "holdSbpAbove" INTEGER NOT NULL DEFAULT 160,
    "holdDbpAbove" INTEGER NOT NULL DEFAULT 100,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClinicSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClinicClosure" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClinicClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalSign" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "timepoint" TEXT NOT NULL,
    "sbp" INTEGER,
    "dbp" INTEGER,
    "heartRate" INTEGER,
    "spo2" INTEGER,
    "respiratoryRate" INTEGER,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VitalSign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DoseVerification" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "weightKg" DOUBLE PRECISION NOT NULL,
    "weightMeasuredOn" DATE NOT NULL,
    "heightCm" DOUBLE PRECISION,
    "protocol" JSONB NOT NULL,
    "doseMg" DOUBLE PRECISION NOT NULL,
    "isCapped" BOOLEAN NOT NULL,
    "volumeMl" DOUBLE PRECISION,
    "rateMlPerH" DOUBLE PRECISION,
    "steps" JSONB NOT NULL,
    "verifiedById" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "meaning" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DoseVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfusionAdministration" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "administeredDoseMg" DOUBLE PRECISION NOT NULL,
    "lotNumber" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "stoppedAt" TIMESTAMPTZ(3),
    "recordedById" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InfusionAdministration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdverseEvent" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "visitId" TEXT,
    "term" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "isSerious" BOOLEAN NOT NULL,
    "relatedness" "AeRelatedness" NOT NULL,
    "actionTaken" "AeAction" NOT NULL,
    "outcome" "AeOutcome" NOT NULL,
    "onsetAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "notes" TEXT,
    "reportedById" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdverseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolDeviation" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "visitId" TEXT,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProtocolDeviation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "timepoint" TEXT NOT NULL,
    "administeredAt" TIMESTAMPTZ(3) NOT NULL,
    "items" JSONB NOT NULL,
    "total" DOUBLE PRECISION,
    "subscores" JSONB NOT NULL,
    "severity" TEXT,
    "flags" TEXT[],
    "isComplete" BOOLEAN NOT NULL,
    "recordedById" TEXT NOT NULL,
    "correctsId" TEXT,
    "correctionReason" TEXT,
    "supersededAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "kind" "MeasurementKind" NOT NULL,
    "code" TEXT NOT NULL,
    "valueNum" DOUBLE PRECISION,
    "valueBool" BOOLEAN,
    "unit" TEXT,
    "enteredValue" DOUBLE PRECISION,
    "enteredUnit" TEXT,
    "uln" DOUBLE PRECISION,
    "lln" DOUBLE PRECISION,
    "lastDoseOn" DATE,
    "isCurrent" BOOLEAN,
    "dailyDoseMg" DOUBLE PRECISION,
    "measuredOn" DATE NOT NULL,
    "enteredById" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityCheck" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "protocolVersionId" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "inputs" JSONB NOT NULL,
    "results" JSONB NOT NULL,
    "overall" "EligibilityOverall" NOT NULL,
    "createdById" TEXT NOT NULL,
    "review" JSONB,
    "decision" "EligibilityDecision",
    "signedById" TEXT,
    "signerName" TEXT,
    "meaning" TEXT,
    "signedAt" TIMESTAMPTZ(3),
    "contentHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EligibilityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClinicClosure_date_key" ON "ClinicClosure"("date");

-- CreateIndex
CREATE INDEX "VitalSign_visitId_idx" ON "VitalSign"("visitId");

-- CreateIndex
CREATE INDEX "VitalSign_recordedById_idx" ON "VitalSign"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "DoseVerification_visitId_key" ON "DoseVerification"("visitId");

-- CreateIndex
CREATE INDEX "DoseVerification_verifiedById_idx" ON "DoseVerification"("verifiedById");

-- CreateIndex
CREATE UNIQUE INDEX "InfusionAdministration_visitId_key" ON "InfusionAdministration"("visitId");

-- CreateIndex
CREATE INDEX "InfusionAdministration_recordedById_idx" ON "InfusionAdministration"("recordedById");

-- CreateIndex
CREATE INDEX "AdverseEvent_enrollmentId_idx" ON "AdverseEvent"("enrollmentId");

-- CreateIndex
CREATE INDEX "AdverseEvent_visitId_idx" ON "AdverseEvent"("visitId");

-- CreateIndex
CREATE INDEX "AdverseEvent_reportedById_idx" ON "AdverseEvent"("reportedById");

-- CreateIndex
CREATE INDEX "AdverseEvent_isSerious_idx" ON "AdverseEvent"("isSerious");

-- CreateIndex
CREATE INDEX "ProtocolDeviation_enrollmentId_idx" ON "ProtocolDeviation"("enrollmentId");

-- CreateIndex
CREATE INDEX "ProtocolDeviation_visitId_idx" ON "ProtocolDeviation"("visitId");

-- CreateIndex
CREATE INDEX "ProtocolDeviation_recordedById_idx" ON "ProtocolDeviation"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_correctsId_key" ON "Assessment"("correctsId");

-- CreateIndex
CREATE INDEX "Assessment_enrollmentId_instrument_timepoint_idx" ON "Assessment"("enrollmentId", "instrument", "timepoint");

-- CreateIndex
CREATE INDEX "Assessment_recordedById_idx" ON "Assessment"("recordedById");

-- CreateIndex
CREATE INDEX "Measurement_candidateId_code_idx" ON "Measurement"("candidateId", "code");

-- CreateIndex
CREATE INDEX "Measurement_enteredById_idx" ON "Measurement"("enteredById");

-- CreateIndex
CREATE INDEX "EligibilityCheck_candidateId_idx" ON "EligibilityCheck"("candidateId");

-- CreateIndex
CREATE INDEX "EligibilityCheck_trialId_overall_idx" ON "EligibilityCheck"("trialId", "overall");

-- CreateIndex
CREATE INDEX "EligibilityCheck_protocolVersionId_idx" ON "EligibilityCheck"("protocolVersionId");

-- CreateIndex
CREATE INDEX "EligibilityCheck_createdById_idx" ON "EligibilityCheck"("createdById");

-- CreateIndex
CREATE INDEX "EligibilityCheck_signedById_idx" ON "EligibilityCheck"("signedById");

-- CreateIndex
CREATE INDEX "Visit_holdOverriddenById_idx" ON "Visit"("holdOverriddenById");

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_holdOverriddenById_fkey" FOREIGN KEY ("holdOverriddenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalSign" ADD CONSTRAINT "VitalSign_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalSign" ADD CONSTRAINT "VitalSign_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DoseVerification" ADD CONSTRAINT "DoseVerification_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DoseVerification" ADD CONSTRAINT "DoseVerification_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfusionAdministration" ADD CONSTRAINT "InfusionAdministration_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfusionAdministration" ADD CONSTRAINT "InfusionAdministration_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseEvent" ADD CONSTRAINT "AdverseEvent_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseEvent" ADD CONSTRAINT "AdverseEvent_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseEvent" ADD CONSTRAINT "AdverseEvent_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolDeviation" ADD CONSTRAINT "ProtocolDeviation_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolDeviation" ADD CONSTRAINT "ProtocolDeviation_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolDeviation" ADD CONSTRAINT "ProtocolDeviation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_protocolVersionId_fkey" FOREIGN KEY ("protocolVersionId") REFERENCES "ProtocolVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: not expressible in schema.prisma.

-- A signed eligibility check is a signed record: PostgreSQL refuses to change
-- or delete it, whoever connects. Unsigned checks are never edited either, but
-- the signature itself is written by an UPDATE of an unsigned row.
CREATE FUNCTION eligibility_check_protect_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."signedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'EligibilityCheck % is signed and cannot be changed', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'EligibilityCheck rows are never deleted'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER eligibility_check_protect_signed BEFORE UPDATE OR DELETE ON "EligibilityCheck"
  FOR EACH ROW EXECUTE FUNCTION eligibility_check_protect_signed();

-- The demo clinic until an admin changes it: Monday to Friday, 08:00-17:00.
INSERT INTO "ClinicSettings" ("id", "timeZone", "openDays", "openTime", "closeTime", "slotMinutes", "monitoringMinutes", "updatedAt")
VALUES ('clinic', 'America/New_York', '{1,2,3,4,5}', '08:00', '17:00', 30, 60, CURRENT_TIMESTAMP)
ON CONFLICT ("id") DO NOTHING;
