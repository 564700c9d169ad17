-- CreateEnum
CREATE TYPE "DrugMovementKind" AS ENUM ('RECEIPT', 'DISPENSE', 'WASTE', 'REVERSAL');

-- CreateTable
CREATE TABLE "DrugLot" (
    "id" TEXT NOT NULL,
    "drug" TEXT NOT NULL,
    "ndc" TEXT NOT NULL,
    "lotNumber" TEXT NOT NULL,
    "expiresOn" DATE NOT NULL,
    "concentrationMgPerMl" DECIMAL(10,3) NOT NULL,
    "vialVolumeMl" DECIMAL(10,3) NOT NULL,
    "vialsReceived" INTEGER NOT NULL,
    "isMultiDoseVial" BOOLEAN NOT NULL DEFAULT false,
    "receivedOn" DATE NOT NULL,
    "onHandUg" BIGINT NOT NULL,
    "receivedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DrugLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrugMovement" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "kind" "DrugMovementKind" NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "changeUg" BIGINT NOT NULL,
    "balanceAfterUg" BIGINT NOT NULL,
    "visitId" TEXT,
    "reason" TEXT,
    "actorId" TEXT NOT NULL,
    "witnessId" TEXT,
    "reversesId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrugMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrugCount" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "countedUg" BIGINT NOT NULL,
    "expectedUg" BIGINT NOT NULL,
    "discrepancyUg" BIGINT NOT NULL,
    "notes" TEXT,
    "actorId" TEXT NOT NULL,
    "witnessId" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrugCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DrugLot_receivedById_idx" ON "DrugLot"("receivedById");

-- CreateIndex
CREATE INDEX "DrugLot_expiresOn_idx" ON "DrugLot"("expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "DrugLot_ndc_lotNumber_key" ON "DrugLot"("ndc", "lotNumber");

-- CreateIndex
CREATE UNIQUE INDEX "DrugMovement_sequence_key" ON "DrugMovement"("sequence");

-- CreateIndex
CREATE UNIQUE INDEX "DrugMovement_reversesId_key" ON "DrugMovement"("reversesId");

-- CreateIndex
CREATE INDEX "DrugMovement_lotId_createdAt_idx" ON "DrugMovement"("lotId", "createdAt");

-- CreateIndex
CREATE INDEX "DrugMovement_visitId_idx" ON "DrugMovement"("visitId");

-- CreateIndex
CREATE INDEX "DrugMovement_actorId_idx" ON "DrugMovement"("actorId");

-- CreateIndex
CREATE INDEX "DrugMovement_witnessId_idx" ON "DrugMovement"("witnessId");

-- CreateIndex
CREATE INDEX "DrugCount_lotId_createdAt_idx" ON "DrugCount"("lotId", "createdAt");

-- CreateIndex
CREATE INDEX "DrugCount_actorId_idx" ON "DrugCount"("actorId");

-- CreateIndex
CREATE INDEX "DrugCount_witnessId_idx" ON "DrugCount"("witnessId");

-- CreateIndex
CREATE INDEX "DrugCount_reviewedById_idx" ON "DrugCount"("reviewedById");

-- AddForeignKey
ALTER TABLE "DrugLot" ADD CONSTRAINT "DrugLot_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugMovement" ADD CONSTRAINT "DrugMovement_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "DrugLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugMovement" ADD CONSTRAINT "DrugMovement_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugMovement" ADD CONSTRAINT "DrugMovement_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugMovement" ADD CONSTRAINT "DrugMovement_witnessId_fkey" FOREIGN KEY ("witnessId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugMovement" ADD CONSTRAINT "DrugMovement_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "DrugMovement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugCount" ADD CONSTRAINT "DrugCount_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "DrugLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugCount" ADD CONSTRAINT "DrugCount_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugCount" ADD CONSTRAINT "DrugCount_witnessId_fkey" FOREIGN KEY ("witnessId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrugCount" ADD CONSTRAINT "DrugCount_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: not expressible in schema.prisma.

-- The controlled-drug record is append-only, whoever connects: movements are never
-- changed or deleted (a REVERSAL undoes one), lots are never deleted and only their
-- balance moves, and a count can only be marked reviewed, once.
CREATE FUNCTION drug_record_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER drug_movement_append_only BEFORE UPDATE OR DELETE ON "DrugMovement"
  FOR EACH ROW EXECUTE FUNCTION drug_record_refuse();
CREATE TRIGGER drug_movement_no_truncate BEFORE TRUNCATE ON "DrugMovement"
  FOR EACH STATEMENT EXECUTE FUNCTION drug_record_refuse();

CREATE FUNCTION drug_lot_protect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'DrugLot rows are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."drug" IS DISTINCT FROM OLD."drug" OR NEW."ndc" IS DISTINCT FROM OLD."ndc"
     OR NEW."lotNumber" IS DISTINCT FROM OLD."lotNumber" OR NEW."expiresOn" IS DISTINCT FROM OLD."expiresOn"
     OR NEW."concentrationMgPerMl" IS DISTINCT FROM OLD."concentrationMgPerMl"
     OR NEW."vialVolumeMl" IS DISTINCT FROM OLD."vialVolumeMl" OR NEW."vialsReceived" IS DISTINCT FROM OLD."vialsReceived"
     OR NEW."isMultiDoseVial" IS DISTINCT FROM OLD."isMultiDoseVial"
     OR NEW."receivedOn" IS DISTINCT FROM OLD."receivedOn" OR NEW."receivedById" IS DISTINCT FROM OLD."receivedById"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'DrugLot % is a received record: only its balance changes', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."onHandUg" < 0 THEN
    RAISE EXCEPTION 'DrugLot % cannot hold less than nothing', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER drug_lot_protect BEFORE UPDATE OR DELETE ON "DrugLot"
  FOR EACH ROW EXECUTE FUNCTION drug_lot_protect();

CREATE FUNCTION drug_count_protect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'DrugCount rows are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."reviewedAt" IS NOT NULL
     OR NEW."lotId" IS DISTINCT FROM OLD."lotId" OR NEW."countedUg" IS DISTINCT FROM OLD."countedUg"
     OR NEW."expectedUg" IS DISTINCT FROM OLD."expectedUg" OR NEW."discrepancyUg" IS DISTINCT FROM OLD."discrepancyUg"
     OR NEW."notes" IS DISTINCT FROM OLD."notes" OR NEW."actorId" IS DISTINCT FROM OLD."actorId"
     OR NEW."witnessId" IS DISTINCT FROM OLD."witnessId" OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'DrugCount % can only be marked reviewed, once', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER drug_count_protect BEFORE UPDATE OR DELETE ON "DrugCount"
  FOR EACH ROW EXECUTE FUNCTION drug_count_protect();

ALTER TABLE "DrugLot" ADD CONSTRAINT "DrugLot_positive_check"
  CHECK ("vialsReceived" > 0 AND "concentrationMgPerMl" > 0 AND "vialVolumeMl" > 0 AND "onHandUg" >= 0);
ALTER TABLE "DrugMovement" ADD CONSTRAINT "DrugMovement_balance_check" CHECK ("balanceAfterUg" >= 0);
