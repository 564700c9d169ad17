-- CreateTable
CREATE TABLE "CandidateCountDelta" (
    "id" BIGSERIAL NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "CandidateCountDelta_pkey" PRIMARY KEY ("id")
);

-- ---------------------------------------------------------------------------
-- Hand-written: triggers are not expressible in schema.prisma (decision 0046).
--
-- The candidate list shows the number of active (not voided) candidates; counting them
-- on every request read ~100,000 index entries (about 5 ms of database CPU per list
-- request, most of the database's work under load). Instead, every statement that
-- changes that number appends its net change here, in its own transaction, so in any
-- snapshot sum("delta") equals count(*) of the active rows. Appending (never updating one
-- counter row) keeps concurrent writers from queueing on a single row lock;
-- compactCandidateCount (lib/candidates/candidate-count.ts) folds the rows into one.

CREATE FUNCTION candidate_count_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CandidateCountDelta" ("delta")
    SELECT count(*) FROM candidate_new WHERE "voidedAt" IS NULL HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION candidate_count_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change integer;
BEGIN
  SELECT (SELECT count(*) FROM candidate_new WHERE "voidedAt" IS NULL)
       - (SELECT count(*) FROM candidate_old WHERE "voidedAt" IS NULL)
    INTO change;
  IF change <> 0 THEN
    INSERT INTO "CandidateCountDelta" ("delta") VALUES (change);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION candidate_count_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CandidateCountDelta" ("delta")
    SELECT -count(*) FROM candidate_old WHERE "voidedAt" IS NULL HAVING count(*) > 0;
  RETURN NULL;
END $$;

-- TRUNCATE is not bound to a snapshot: neither is emptying the deltas (a DELETE in a
-- REPEATABLE READ transaction would miss rows committed after its snapshot).
CREATE FUNCTION candidate_count_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "CandidateCountDelta";
  RETURN NULL;
END $$;

-- Writers wait from here until the migration (one transaction) commits, so none can slip
-- in between the triggers and the starting count below.
LOCK TABLE "Candidate" IN SHARE ROW EXCLUSIVE MODE;

CREATE TRIGGER candidate_count_insert AFTER INSERT ON "Candidate"
  REFERENCING NEW TABLE AS candidate_new
  FOR EACH STATEMENT EXECUTE FUNCTION candidate_count_on_insert();
-- Transition tables cannot go with a column list (UPDATE OF "voidedAt"): every UPDATE
-- statement runs it, which for the one-row updates the app makes is two tiny counts.
CREATE TRIGGER candidate_count_update AFTER UPDATE ON "Candidate"
  REFERENCING OLD TABLE AS candidate_old NEW TABLE AS candidate_new
  FOR EACH STATEMENT EXECUTE FUNCTION candidate_count_on_update();
CREATE TRIGGER candidate_count_delete AFTER DELETE ON "Candidate"
  REFERENCING OLD TABLE AS candidate_old
  FOR EACH STATEMENT EXECUTE FUNCTION candidate_count_on_delete();
CREATE TRIGGER candidate_count_truncate AFTER TRUNCATE ON "Candidate"
  FOR EACH STATEMENT EXECUTE FUNCTION candidate_count_on_truncate();

INSERT INTO "CandidateCountDelta" ("delta")
  SELECT count(*) FROM "Candidate" WHERE "voidedAt" IS NULL HAVING count(*) > 0;
