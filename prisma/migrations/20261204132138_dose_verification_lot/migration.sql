-- AlterTable
ALTER TABLE "DoseVerification" ADD COLUMN     "drugLotId" TEXT;

-- CreateIndex
CREATE INDEX "DoseVerification_drugLotId_idx" ON "DoseVerification"("drugLotId");

-- AddForeignKey
ALTER TABLE "DoseVerification" ADD CONSTRAINT "DoseVerification_drugLotId_fkey" FOREIGN KEY ("drugLotId") REFERENCES "DrugLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
