-- AlterTable
ALTER TABLE "InfusionAdministration" ADD COLUMN     "percentGiven" INTEGER;
