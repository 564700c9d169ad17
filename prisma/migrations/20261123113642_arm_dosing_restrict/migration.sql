-- DropForeignKey
ALTER TABLE "ArmDosing" DROP CONSTRAINT "ArmDosing_armId_fkey";

-- AddForeignKey
ALTER TABLE "ArmDosing" ADD CONSTRAINT "ArmDosing_armId_fkey" FOREIGN KEY ("armId") REFERENCES "Arm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
