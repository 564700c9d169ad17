-- DropIndex
DROP INDEX "Measurement_candidateId_code_idx";

-- AlterTable
ALTER TABLE "Measurement" ADD COLUMN     "isNeverTaken" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "screeningWindowConfirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "screeningWindowConfirmedById" TEXT,
ADD COLUMN     "screeningWindowDays" INTEGER NOT NULL DEFAULT 30;

-- CreateIndex
CREATE INDEX "Measurement_candidateId_code_measuredOn_idx" ON "Measurement"("candidateId", "code", "measuredOn" DESC);

-- AddForeignKey
ALTER TABLE "Trial" ADD CONSTRAINT "Trial_screeningWindowConfirmedById_fkey" FOREIGN KEY ("screeningWindowConfirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: not expressible in schema.prisma.

-- A screening window is a whole number of days from 1 to 3650 (lib/eligibility/screening-window.ts), and it
-- is either an unconfirmed assumption (no confirmer, no time) or confirmed by someone at a time, never half.
ALTER TABLE "Trial" ADD CONSTRAINT "Trial_screeningWindowDays_range"
  CHECK ("screeningWindowDays" BETWEEN 1 AND 3650);
ALTER TABLE "Trial" ADD CONSTRAINT "Trial_screeningWindow_confirmation_complete"
  CHECK (("screeningWindowConfirmedAt" IS NULL) = ("screeningWindowConfirmedById" IS NULL));

-- "Never taken" contradicts a last dose or current use and means nothing outside a medication answer.
-- Existing medication rows keep false: they were entered as "never taken or unknown", and unknown is the
-- reading that cannot clear an exclusion.
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_isNeverTaken_consistent"
  CHECK (NOT "isNeverTaken" OR ("kind" = 'MEDICATION' AND "lastDoseOn" IS NULL AND "isCurrent" = false));
