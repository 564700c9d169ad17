import 'server-only';
import { prisma } from '@/lib/db';
import { ugToMg } from './policy';

export type OpenDiscrepancy = {
  id: string;
  lotId: string;
  lotNumber: string;
  drug: string;
  discrepancyMg: number;
  countedMg: number;
  expectedMg: number;
  at: string;
  actor: string;
  witness: string;
};

/** Counts that did not match the book balance and no admin has reviewed yet: the admin dashboard's alert. */
export async function listOpenDiscrepancies(): Promise<OpenDiscrepancy[]> {
  const rows = await prisma.drugCount.findMany({
    where: { reviewedAt: null, discrepancyUg: { not: BigInt(0) } },
    orderBy: { createdAt: 'desc' },
    take: 50,
    include: {
      lot: { select: { lotNumber: true, drug: true } },
      actor: { select: { name: true } },
      witness: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    lotId: row.lotId,
    lotNumber: row.lot.lotNumber,
    drug: row.lot.drug,
    discrepancyMg: ugToMg(row.discrepancyUg),
    countedMg: ugToMg(row.countedUg),
    expectedMg: ugToMg(row.expectedUg),
    at: row.createdAt.toISOString(),
    actor: row.actor.name,
    witness: row.witness.name,
  }));
}
