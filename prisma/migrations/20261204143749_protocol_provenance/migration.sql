-- AlterTable
ALTER TABLE "ArmDosing" ADD COLUMN     "provenance" JSONB;

-- AlterTable
ALTER TABLE "AssessmentPlanItem" ADD COLUMN     "provenance" JSONB;

-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN     "provenance" JSONB;
