-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('CHAIR', 'PERIOPERATIVE', 'INPATIENT');

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "sessionKind" "SessionKind" NOT NULL DEFAULT 'CHAIR';
