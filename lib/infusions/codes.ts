// The infusion-day codes as the database stores them, for components: they import these from here,
// not from the generated Prisma client (only lib/, prisma/, scripts/ and tests/ reach into lib/generated).
export type {
  AeAction,
  AeOutcome,
  AeRelatedness,
  PregnancyTestResult,
  VisitStatus,
} from '@/lib/generated/prisma/enums';
