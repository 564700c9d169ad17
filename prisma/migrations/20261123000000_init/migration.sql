-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COORDINATOR', 'CLINICIAN');

-- CreateEnum
CREATE TYPE "TrialPhase" AS ENUM ('EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA');

-- CreateEnum
CREATE TYPE "OverallStatus" AS ENUM ('NOT_YET_RECRUITING', 'RECRUITING', 'ENROLLING_BY_INVITATION', 'ACTIVE_NOT_RECRUITING', 'SUSPENDED', 'TERMINATED', 'COMPLETED', 'WITHDRAWN', 'WITHHELD', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "StudyType" AS ENUM ('INTERVENTIONAL', 'OBSERVATIONAL', 'EXPANDED_ACCESS');

-- CreateEnum
CREATE TYPE "Allocation" AS ENUM ('RANDOMIZED', 'NON_RANDOMIZED', 'NA');

-- CreateEnum
CREATE TYPE "Masking" AS ENUM ('NONE', 'SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE');

-- CreateEnum
CREATE TYPE "TrialSource" AS ENUM ('MANUAL', 'CTGOV_IMPORT', 'SEED');

-- CreateEnum
CREATE TYPE "ArmType" AS ENUM ('EXPERIMENTAL', 'ACTIVE_COMPARATOR', 'PLACEBO_COMPARATOR', 'SHAM_COMPARATOR', 'NO_INTERVENTION', 'OTHER');

-- CreateEnum
CREATE TYPE "InterventionType" AS ENUM ('DRUG', 'DEVICE', 'BIOLOGICAL', 'PROCEDURE', 'RADIATION', 'BEHAVIORAL', 'GENETIC', 'DIETARY_SUPPLEMENT', 'COMBINATION_PRODUCT', 'DIAGNOSTIC_TEST', 'OTHER');

-- CreateEnum
CREATE TYPE "CriterionKind" AS ENUM ('INCLUSION', 'EXCLUSION');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ReferralSource" AS ENUM ('PROVIDER', 'SELF', 'ADVERTISEMENT', 'REGISTRY', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('PHONE', 'EMAIL', 'TEXT', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "PipelineStage" AS ENUM ('REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE', 'INELIGIBLE', 'CONSENTED', 'ENROLLED', 'IN_TREATMENT', 'COMPLETED', 'WITHDRAWN', 'SCREEN_FAILED', 'LOST_TO_FOLLOW_UP');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'WITHDRAWN', 'LOST_TO_FOLLOW_UP');

-- CreateEnum
CREATE TYPE "VisitStatus" AS ENUM ('SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'MISSED', 'CANCELLED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "passwordHash" TEXT NOT NULL,
    "failedSignInCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "requestId" TEXT,
    "ipAddress" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trial" (
    "id" TEXT NOT NULL,
    "nctId" TEXT,
    "protocolNumber" TEXT,
    "title" TEXT NOT NULL,
    "shortTitle" TEXT,
    "phases" "TrialPhase"[],
    "overallStatus" "OverallStatus" NOT NULL DEFAULT 'NOT_YET_RECRUITING',
    "studyType" "StudyType" NOT NULL DEFAULT 'INTERVENTIONAL',
    "allocation" "Allocation",
    "masking" "Masking",
    "leadSponsor" TEXT,
    "collaborators" TEXT[],
    "principalInvestigator" TEXT,
    "conditions" TEXT[],
    "targetEnrollment" INTEGER,
    "startDate" TEXT,
    "completionDate" TEXT,
    "briefSummary" TEXT,
    "coverageNote" TEXT,
    "source" "TrialSource" NOT NULL DEFAULT 'MANUAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Trial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialSite" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "facility" TEXT NOT NULL,
    "city" TEXT,
    "state" TEXT,
    "country" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrialSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Arm" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" "ArmType" NOT NULL,
    "description" TEXT,
    "allocationWeight" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Arm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Intervention" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "type" "InterventionType" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Intervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArmIntervention" (
    "armId" TEXT NOT NULL,
    "interventionId" TEXT NOT NULL,

    CONSTRAINT "ArmIntervention_pkey" PRIMARY KEY ("armId","interventionId")
);

-- CreateTable
CREATE TABLE "ProtocolVersion" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "reason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProtocolVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "protocolVersionId" TEXT NOT NULL,
    "kind" "CriterionKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "rule" JSONB,
    "suggestedRule" JSONB,
    "ruleConfirmedById" TEXT,
    "ruleConfirmedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArmDosing" (
    "id" TEXT NOT NULL,
    "protocolVersionId" TEXT NOT NULL,
    "armId" TEXT NOT NULL,
    "protocol" JSONB,
    "suggestedProtocol" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ArmDosing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentPlanItem" (
    "id" TEXT NOT NULL,
    "protocolVersionId" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "timepoint" TEXT NOT NULL,
    "windowBeforeDays" INTEGER NOT NULL DEFAULT 0,
    "windowAfterDays" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssessmentPlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "mrn" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "preferredContactMethod" "ContactMethod",
    "preferredLanguage" TEXT,
    "isVeteran" BOOLEAN,
    "referralSource" "ReferralSource" NOT NULL,
    "referringProvider" TEXT,
    "referringContact" TEXT,
    "referralDate" DATE NOT NULL,
    "notes" TEXT,
    "assignedCoordinatorId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PipelineEntry" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "stage" "PipelineStage" NOT NULL DEFAULT 'REFERRED',
    "stageChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PipelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PipelineEvent" (
    "id" TEXT NOT NULL,
    "pipelineEntryId" TEXT NOT NULL,
    "fromStage" "PipelineStage",
    "toStage" "PipelineStage" NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PipelineEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "pipelineEntryId" TEXT NOT NULL,
    "armId" TEXT NOT NULL,
    "status" "EnrollmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "enrolledAt" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chair" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Chair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "sessionNumber" INTEGER NOT NULL,
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMin" INTEGER NOT NULL,
    "chairId" TEXT,
    "status" "VisitStatus" NOT NULL DEFAULT 'SCHEDULED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- CreateIndex
CREATE UNIQUE INDEX "Trial_nctId_key" ON "Trial"("nctId");

-- CreateIndex
CREATE INDEX "Trial_overallStatus_idx" ON "Trial"("overallStatus");

-- CreateIndex
CREATE INDEX "TrialSite_trialId_idx" ON "TrialSite"("trialId");

-- CreateIndex
CREATE INDEX "Arm_trialId_idx" ON "Arm"("trialId");

-- CreateIndex
CREATE UNIQUE INDEX "Arm_trialId_label_key" ON "Arm"("trialId", "label");

-- CreateIndex
CREATE INDEX "Intervention_trialId_idx" ON "Intervention"("trialId");

-- CreateIndex
CREATE INDEX "ArmIntervention_interventionId_idx" ON "ArmIntervention"("interventionId");

-- CreateIndex
CREATE INDEX "ProtocolVersion_trialId_idx" ON "ProtocolVersion"("trialId");

-- CreateIndex
CREATE INDEX "ProtocolVersion_createdById_idx" ON "ProtocolVersion"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolVersion_trialId_number_key" ON "ProtocolVersion"("trialId", "number");

-- CreateIndex
CREATE INDEX "Criterion_protocolVersionId_idx" ON "Criterion"("protocolVersionId");

-- CreateIndex
CREATE INDEX "Criterion_ruleConfirmedById_idx" ON "Criterion"("ruleConfirmedById");

-- CreateIndex
CREATE INDEX "ArmDosing_armId_idx" ON "ArmDosing"("armId");

-- CreateIndex
CREATE UNIQUE INDEX "ArmDosing_protocolVersionId_armId_key" ON "ArmDosing"("protocolVersionId", "armId");

-- CreateIndex
CREATE INDEX "AssessmentPlanItem_protocolVersionId_idx" ON "AssessmentPlanItem"("protocolVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentPlanItem_protocolVersionId_instrument_timepoint_key" ON "AssessmentPlanItem"("protocolVersionId", "instrument", "timepoint");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_mrn_key" ON "Candidate"("mrn");

-- CreateIndex
CREATE INDEX "Candidate_assignedCoordinatorId_idx" ON "Candidate"("assignedCoordinatorId");

-- CreateIndex
CREATE INDEX "Candidate_referralDate_idx" ON "Candidate"("referralDate");

-- CreateIndex
CREATE INDEX "Candidate_lastName_firstName_idx" ON "Candidate"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "PipelineEntry_trialId_stage_idx" ON "PipelineEntry"("trialId", "stage");

-- CreateIndex
CREATE INDEX "PipelineEntry_stage_idx" ON "PipelineEntry"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineEntry_candidateId_trialId_key" ON "PipelineEntry"("candidateId", "trialId");

-- CreateIndex
CREATE INDEX "PipelineEvent_pipelineEntryId_idx" ON "PipelineEvent"("pipelineEntryId");

-- CreateIndex
CREATE INDEX "PipelineEvent_actorId_idx" ON "PipelineEvent"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_pipelineEntryId_key" ON "Enrollment"("pipelineEntryId");

-- CreateIndex
CREATE INDEX "Enrollment_candidateId_idx" ON "Enrollment"("candidateId");

-- CreateIndex
CREATE INDEX "Enrollment_trialId_idx" ON "Enrollment"("trialId");

-- CreateIndex
CREATE INDEX "Enrollment_armId_idx" ON "Enrollment"("armId");

-- CreateIndex
CREATE UNIQUE INDEX "Chair_name_key" ON "Chair"("name");

-- CreateIndex
CREATE INDEX "Visit_enrollmentId_idx" ON "Visit"("enrollmentId");

-- CreateIndex
CREATE INDEX "Visit_chairId_scheduledAt_idx" ON "Visit"("chairId", "scheduledAt");

-- CreateIndex
CREATE INDEX "Visit_scheduledAt_idx" ON "Visit"("scheduledAt");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialSite" ADD CONSTRAINT "TrialSite_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Arm" ADD CONSTRAINT "Arm_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmIntervention" ADD CONSTRAINT "ArmIntervention_armId_fkey" FOREIGN KEY ("armId") REFERENCES "Arm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmIntervention" ADD CONSTRAINT "ArmIntervention_interventionId_fkey" FOREIGN KEY ("interventionId") REFERENCES "Intervention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolVersion" ADD CONSTRAINT "ProtocolVersion_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolVersion" ADD CONSTRAINT "ProtocolVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_protocolVersionId_fkey" FOREIGN KEY ("protocolVersionId") REFERENCES "ProtocolVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_ruleConfirmedById_fkey" FOREIGN KEY ("ruleConfirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmDosing" ADD CONSTRAINT "ArmDosing_protocolVersionId_fkey" FOREIGN KEY ("protocolVersionId") REFERENCES "ProtocolVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmDosing" ADD CONSTRAINT "ArmDosing_armId_fkey" FOREIGN KEY ("armId") REFERENCES "Arm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentPlanItem" ADD CONSTRAINT "AssessmentPlanItem_protocolVersionId_fkey" FOREIGN KEY ("protocolVersionId") REFERENCES "ProtocolVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_assignedCoordinatorId_fkey" FOREIGN KEY ("assignedCoordinatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineEntry" ADD CONSTRAINT "PipelineEntry_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineEntry" ADD CONSTRAINT "PipelineEntry_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineEvent" ADD CONSTRAINT "PipelineEvent_pipelineEntryId_fkey" FOREIGN KEY ("pipelineEntryId") REFERENCES "PipelineEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineEvent" ADD CONSTRAINT "PipelineEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_pipelineEntryId_fkey" FOREIGN KEY ("pipelineEntryId") REFERENCES "PipelineEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_armId_fkey" FOREIGN KEY ("armId") REFERENCES "Arm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_chairId_fkey" FOREIGN KEY ("chairId") REFERENCES "Chair"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: not expressible in schema.prisma.

-- Emails are stored lower-cased, which makes the unique index case-insensitive.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));

-- The audit trail is append-only for every role that connects, including the
-- table owner: UPDATE, DELETE and TRUNCATE raise, and INSERT takes its time
-- from the database clock rather than from the application.
CREATE FUNCTION audit_event_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."createdAt" := now();
  RETURN NEW;
END;
$$;

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_stamp BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_stamp();
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
