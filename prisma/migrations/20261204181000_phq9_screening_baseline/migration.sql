-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "sourceMeasurementId" TEXT;

-- AlterTable
ALTER TABLE "Measurement" ADD COLUMN     "items" JSONB;

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_sourceMeasurementId_key" ON "Assessment"("sourceMeasurementId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_sourceMeasurementId_fkey" FOREIGN KEY ("sourceMeasurementId") REFERENCES "Measurement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
