-- Hand-written: a partial unique index is not expressible in schema.prisma.
-- One current (not superseded) questionnaire per enrollment, instrument and
-- timepoint; a correction supersedes the old row in the same transaction.
CREATE UNIQUE INDEX "Assessment_current_slot_key" ON "Assessment" ("enrollmentId", "instrument", "timepoint") WHERE "supersededAt" IS NULL;
