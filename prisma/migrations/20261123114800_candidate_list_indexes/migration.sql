-- Hand-written: partial indexes are not expressible in schema.prisma.
-- Every candidate list query filters on "voidedAt" IS NULL; these let the
-- count, the sorts and deep pages use an index instead of reading the table
-- (see BENCHMARKS.md).
CREATE INDEX "Candidate_active_referralDate_id_idx" ON "Candidate" ("referralDate", "id") WHERE "voidedAt" IS NULL;
CREATE INDEX "Candidate_active_lastName_firstName_id_idx" ON "Candidate" ("lastName", "firstName", "id") WHERE "voidedAt" IS NULL;
CREATE INDEX "Candidate_active_createdAt_id_idx" ON "Candidate" ("createdAt", "id") WHERE "voidedAt" IS NULL;
CREATE INDEX "Candidate_active_dateOfBirth_id_idx" ON "Candidate" ("dateOfBirth", "id") WHERE "voidedAt" IS NULL;
CREATE INDEX "Candidate_active_referralSource_id_idx" ON "Candidate" ("referralSource", "id") WHERE "voidedAt" IS NULL;
-- The narrowest possible index of the active rows: counting them (the list's
-- total) reads this instead of the whole table.
CREATE INDEX "Candidate_active_count_idx" ON "Candidate" ("voidedAt") WHERE "voidedAt" IS NULL;
