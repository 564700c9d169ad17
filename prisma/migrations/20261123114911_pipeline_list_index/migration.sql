-- DropIndex
DROP INDEX "PipelineEntry_trialId_stage_idx";

-- CreateIndex
CREATE INDEX "PipelineEntry_trialId_stage_candidateId_idx" ON "PipelineEntry"("trialId", "stage", "candidateId");
