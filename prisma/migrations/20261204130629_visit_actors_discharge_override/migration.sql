-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "checkedInById" TEXT,
ADD COLUMN     "dischargeOverrideReason" TEXT,
ADD COLUMN     "dischargedById" TEXT;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_checkedInById_fkey" FOREIGN KEY ("checkedInById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_dischargedById_fkey" FOREIGN KEY ("dischargedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: visits recorded before these columns keep their actors from the audit trail.
UPDATE "Visit" v SET "checkedInById" = a."actorId"
  FROM (SELECT DISTINCT ON ("entityId") "entityId", "actorId" FROM "AuditEvent" WHERE "action" = 'visit.check_in' AND "actorId" IS NOT NULL ORDER BY "entityId", "createdAt") a
  WHERE v."id" = a."entityId" AND v."checkedInById" IS NULL;
UPDATE "Visit" v SET "dischargedById" = a."actorId"
  FROM (SELECT DISTINCT ON ("entityId") "entityId", "actorId" FROM "AuditEvent" WHERE "action" = 'visit.discharge' AND "actorId" IS NOT NULL ORDER BY "entityId", "createdAt") a
  WHERE v."id" = a."entityId" AND v."dischargedById" IS NULL;
