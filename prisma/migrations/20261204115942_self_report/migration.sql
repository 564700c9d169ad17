-- CreateEnum
CREATE TYPE "AssessmentSource" AS ENUM ('STAFF', 'PATIENT');

-- CreateEnum
CREATE TYPE "SelfReportChannel" AS ENUM ('LINK', 'EMAIL', 'TABLET');

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "selfReportLinkId" TEXT,
ADD COLUMN     "source" "AssessmentSource" NOT NULL DEFAULT 'STAFF',
ALTER COLUMN "recordedById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SelfReportLink" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "timepoint" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "channel" "SelfReportChannel" NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "emailsSent" INTEGER NOT NULL DEFAULT 0,
    "lastSentAt" TIMESTAMPTZ(3),
    "tabletSessionId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfReportLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TabletSession" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "pinHash" TEXT NOT NULL,
    "failedPinCount" INTEGER NOT NULL DEFAULT 0,
    "startedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TabletSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "SelfReportLink_tokenHash_key" ON "SelfReportLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SelfReportLink_enrollmentId_instrument_timepoint_idx" ON "SelfReportLink"("enrollmentId", "instrument", "timepoint");

-- CreateIndex
CREATE INDEX "SelfReportLink_createdById_idx" ON "SelfReportLink"("createdById");

-- CreateIndex
CREATE INDEX "SelfReportLink_tabletSessionId_idx" ON "SelfReportLink"("tabletSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "TabletSession_tokenHash_key" ON "TabletSession"("tokenHash");

-- CreateIndex
CREATE INDEX "TabletSession_enrollmentId_idx" ON "TabletSession"("enrollmentId");

-- CreateIndex
CREATE INDEX "TabletSession_startedById_idx" ON "TabletSession"("startedById");

-- CreateIndex
CREATE INDEX "TabletSession_endedById_idx" ON "TabletSession"("endedById");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_selfReportLinkId_key" ON "Assessment"("selfReportLinkId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_selfReportLinkId_fkey" FOREIGN KEY ("selfReportLinkId") REFERENCES "SelfReportLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReportLink" ADD CONSTRAINT "SelfReportLink_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReportLink" ADD CONSTRAINT "SelfReportLink_tabletSessionId_fkey" FOREIGN KEY ("tabletSessionId") REFERENCES "TabletSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReportLink" ADD CONSTRAINT "SelfReportLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TabletSession" ADD CONSTRAINT "TabletSession_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TabletSession" ADD CONSTRAINT "TabletSession_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TabletSession" ADD CONSTRAINT "TabletSession_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
