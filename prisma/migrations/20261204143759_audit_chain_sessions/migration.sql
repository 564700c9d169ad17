-- CreateEnum
CREATE TYPE "AuditCheckKind" AS ENUM ('FULL', 'INCREMENTAL');

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hmac" TEXT,
ADD COLUMN     "prevHmac" TEXT,
ADD COLUMN     "seq" INTEGER;

-- Hand-written: events written before the chain get their place in it by time (then
-- id, the old tie-break). Only the owner running this migration may lift the
-- append-only trigger, and only inside this transaction.
ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update;
UPDATE "AuditEvent" e SET "seq" = o.n::int
  FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS n FROM "AuditEvent") o
  WHERE e."id" = o."id";
ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update;
ALTER TABLE "AuditEvent" ALTER COLUMN "seq" SET NOT NULL;

-- CreateTable
CREATE TABLE "AuditChainCheck" (
    "id" TEXT NOT NULL,
    "kind" "AuditCheckKind" NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "lastHmac" TEXT,
    "eventCount" INTEGER NOT NULL,
    "isValid" BOOLEAN NOT NULL,
    "failureSeq" INTEGER,
    "failure" TEXT,
    "hmac" TEXT NOT NULL,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditChainCheck_checkedAt_idx" ON "AuditChainCheck"("checkedAt");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: not expressible in schema.prisma.

-- Every event from now on is sealed and linked; NOT VALID leaves the events written
-- before the chain existed unchecked while binding every new row.
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_sealed" CHECK ("hmac" IS NOT NULL AND "prevHmac" IS NOT NULL) NOT VALID;

-- Chain checks are a record too: append-only like the trail they vouch for.
CREATE FUNCTION audit_chain_check_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditChainCheck is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_chain_check_no_update BEFORE UPDATE OR DELETE ON "AuditChainCheck"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_check_refuse_change();
CREATE TRIGGER audit_chain_check_no_truncate BEFORE TRUNCATE ON "AuditChainCheck"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_check_refuse_change();
