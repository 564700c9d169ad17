-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('PRIMARY', 'SECONDARY', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactOutcome" AS ENUM ('REACHED', 'LEFT_MESSAGE', 'NO_ANSWER', 'WRONG_NUMBER', 'EMAIL_SENT', 'TEXT_SENT', 'DECLINED', 'SCHEDULED_PRESCREEN');

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "duplicateOverrideReason" TEXT;

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "activeInterventionalCandidateId" TEXT,
ADD COLUMN     "endReason" TEXT,
ADD COLUMN     "endedAt" DATE;

-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "acronym" TEXT;

-- CreateTable
CREATE TABLE "TrialOutcome" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "measure" TEXT NOT NULL,
    "description" TEXT,
    "timeFrame" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrialOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialImport" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "nctId" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "changes" JSONB NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrialImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "pipelineEntryId" TEXT NOT NULL,
    "consentedOn" DATE NOT NULL,
    "formVersion" TEXT NOT NULL,
    "obtainedById" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationList" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "blockSizes" INTEGER[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AllocationList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationEntry" (
    "id" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "blockNumber" INTEGER NOT NULL,
    "armId" TEXT NOT NULL,
    "enrollmentId" TEXT,
    "revealedAt" TIMESTAMPTZ(3),
    "revealedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AllocationEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactAttempt" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "trialId" TEXT,
    "method" "ContactMethod" NOT NULL,
    "outcome" "ContactOutcome" NOT NULL,
    "notes" TEXT,
    "nextFollowUpOn" DATE,
    "contactedAt" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrialOutcome_trialId_idx" ON "TrialOutcome"("trialId");

-- CreateIndex
CREATE INDEX "TrialImport_trialId_idx" ON "TrialImport"("trialId");

-- CreateIndex
CREATE INDEX "TrialImport_importedById_idx" ON "TrialImport"("importedById");

-- CreateIndex
CREATE INDEX "Consent_pipelineEntryId_idx" ON "Consent"("pipelineEntryId");

-- CreateIndex
CREATE INDEX "Consent_obtainedById_idx" ON "Consent"("obtainedById");

-- CreateIndex
CREATE UNIQUE INDEX "AllocationList_trialId_key" ON "AllocationList"("trialId");

-- CreateIndex
CREATE UNIQUE INDEX "AllocationEntry_enrollmentId_key" ON "AllocationEntry"("enrollmentId");

-- CreateIndex
CREATE INDEX "AllocationEntry_armId_idx" ON "AllocationEntry"("armId");

-- CreateIndex
CREATE INDEX "AllocationEntry_revealedById_idx" ON "AllocationEntry"("revealedById");

-- CreateIndex
CREATE UNIQUE INDEX "AllocationEntry_listId_sequence_key" ON "AllocationEntry"("listId", "sequence");

-- CreateIndex
CREATE INDEX "ContactAttempt_candidateId_idx" ON "ContactAttempt"("candidateId");

-- CreateIndex
CREATE INDEX "ContactAttempt_trialId_idx" ON "ContactAttempt"("trialId");

-- CreateIndex
CREATE INDEX "ContactAttempt_actorId_idx" ON "ContactAttempt"("actorId");

-- CreateIndex
CREATE INDEX "ContactAttempt_nextFollowUpOn_idx" ON "ContactAttempt"("nextFollowUpOn");

-- CreateIndex
CREATE INDEX "Candidate_dateOfBirth_idx" ON "Candidate"("dateOfBirth");

-- CreateIndex
CREATE INDEX "Candidate_referralSource_idx" ON "Candidate"("referralSource");

-- CreateIndex
CREATE INDEX "Candidate_createdAt_idx" ON "Candidate"("createdAt");

-- CreateIndex
CREATE INDEX "Candidate_lastName_trgm_idx" ON "Candidate" USING GIN ("lastName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Candidate_firstName_trgm_idx" ON "Candidate" USING GIN ("firstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Candidate_mrn_trgm_idx" ON "Candidate" USING GIN ("mrn" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_activeInterventionalCandidateId_key" ON "Enrollment"("activeInterventionalCandidateId");

-- AddForeignKey
ALTER TABLE "TrialOutcome" ADD CONSTRAINT "TrialOutcome_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialImport" ADD CONSTRAINT "TrialImport_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialImport" ADD CONSTRAINT "TrialImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_pipelineEntryId_fkey" FOREIGN KEY ("pipelineEntryId") REFERENCES "PipelineEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_obtainedById_fkey" FOREIGN KEY ("obtainedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationList" ADD CONSTRAINT "AllocationList_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationEntry" ADD CONSTRAINT "AllocationEntry_listId_fkey" FOREIGN KEY ("listId") REFERENCES "AllocationList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationEntry" ADD CONSTRAINT "AllocationEntry_armId_fkey" FOREIGN KEY ("armId") REFERENCES "Arm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationEntry" ADD CONSTRAINT "AllocationEntry_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationEntry" ADD CONSTRAINT "AllocationEntry_revealedById_fkey" FOREIGN KEY ("revealedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
