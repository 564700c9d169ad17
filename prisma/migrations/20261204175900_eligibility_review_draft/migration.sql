-- CreateTable
CREATE TABLE "EligibilityReviewDraft" (
    "id" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "savedById" TEXT NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityReviewDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EligibilityReviewDraft_checkId_key" ON "EligibilityReviewDraft"("checkId");

-- CreateIndex
CREATE INDEX "EligibilityReviewDraft_savedById_idx" ON "EligibilityReviewDraft"("savedById");

-- AddForeignKey
ALTER TABLE "EligibilityReviewDraft" ADD CONSTRAINT "EligibilityReviewDraft_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "EligibilityCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityReviewDraft" ADD CONSTRAINT "EligibilityReviewDraft_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A draft belongs to an unsigned check only: once the check is signed, PostgreSQL refuses
-- to write its draft, whoever connects (the app answers 409 before it gets here).
CREATE FUNCTION eligibility_review_draft_refuse_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "EligibilityCheck" WHERE "id" = NEW."checkId" AND "signedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'EligibilityCheck % is signed: its review draft cannot be written', NEW."checkId"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER eligibility_review_draft_refuse_signed BEFORE INSERT OR UPDATE ON "EligibilityReviewDraft"
  FOR EACH ROW EXECUTE FUNCTION eligibility_review_draft_refuse_signed();
