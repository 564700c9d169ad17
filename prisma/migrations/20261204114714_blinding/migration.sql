-- CreateTable
CREATE TABLE "UnblindedStaff" (
    "trialId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnblindedStaff_pkey" PRIMARY KEY ("trialId","userId")
);

-- CreateTable
CREATE TABLE "EmergencyUnblinding" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "unblindedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmergencyUnblinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnblindedStaff_userId_idx" ON "UnblindedStaff"("userId");

-- CreateIndex
CREATE INDEX "UnblindedStaff_addedById_idx" ON "UnblindedStaff"("addedById");

-- CreateIndex
CREATE INDEX "EmergencyUnblinding_trialId_idx" ON "EmergencyUnblinding"("trialId");

-- CreateIndex
CREATE INDEX "EmergencyUnblinding_enrollmentId_idx" ON "EmergencyUnblinding"("enrollmentId");

-- CreateIndex
CREATE INDEX "EmergencyUnblinding_unblindedById_idx" ON "EmergencyUnblinding"("unblindedById");

-- CreateIndex
CREATE INDEX "EmergencyUnblinding_reviewedById_idx" ON "EmergencyUnblinding"("reviewedById");

-- AddForeignKey
ALTER TABLE "UnblindedStaff" ADD CONSTRAINT "UnblindedStaff_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnblindedStaff" ADD CONSTRAINT "UnblindedStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnblindedStaff" ADD CONSTRAINT "UnblindedStaff_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyUnblinding" ADD CONSTRAINT "EmergencyUnblinding_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyUnblinding" ADD CONSTRAINT "EmergencyUnblinding_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyUnblinding" ADD CONSTRAINT "EmergencyUnblinding_unblindedById_fkey" FOREIGN KEY ("unblindedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyUnblinding" ADD CONSTRAINT "EmergencyUnblinding_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: not expressible in schema.prisma.

-- An emergency unblinding is a permanent record: never deleted, and only the admin
-- review stamp may be written, once.
CREATE FUNCTION emergency_unblinding_protect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'EmergencyUnblinding rows are never deleted'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."reviewedAt" IS NOT NULL
     OR NEW."id" IS DISTINCT FROM OLD."id"
     OR NEW."trialId" IS DISTINCT FROM OLD."trialId"
     OR NEW."enrollmentId" IS DISTINCT FROM OLD."enrollmentId"
     OR NEW."unblindedById" IS DISTINCT FROM OLD."unblindedById"
     OR NEW."reason" IS DISTINCT FROM OLD."reason"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'EmergencyUnblinding % can only be marked reviewed, once', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER emergency_unblinding_protect BEFORE UPDATE OR DELETE ON "EmergencyUnblinding"
  FOR EACH ROW EXECUTE FUNCTION emergency_unblinding_protect();
