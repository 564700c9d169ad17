import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import type { CountInput } from '@/lib/validations/drug-inventory';
import { lockLot } from './apply-movement';
import { countDiscrepancyUg, mgToUg, ugToMg } from './policy';
import { verifyWitness } from './verify-witness';

export type CountResult = {
  id: string;
  lotId: string;
  countedMg: number;
  expectedMg: number;
  /** counted − expected, mg; negative means drug is missing. */
  discrepancyMg: number;
  discrepancy: boolean;
  witness: { id: string; name: string };
  createdAt: string;
};

/**
 * A witnessed physical count against the book balance, read under the lot's lock so no
 * movement slips in between. The book balance is not changed by a count: a discrepancy
 * stays open for admins to review (dashboard alert) and is resolved by investigation
 * and, where drug was really lost, a witnessed waste or reversal with a reason.
 */
export async function recordCount(options: { input: CountInput; ctx: ActorContext }): Promise<CountResult> {
  const { input, ctx } = options;
  const witness = await verifyWitness({
    email: input.witnessEmail,
    password: input.witnessPassword,
    purpose: 'drug.count_witness',
    ctx,
  });
  return prisma.$transaction(async (tx) => {
    const lot = await lockLot({ tx, lotId: input.lotId });
    const countedUg = mgToUg(input.countedMg);
    const discrepancyUg = countDiscrepancyUg({ countedUg, expectedUg: lot.onHandUg });
    const row = await tx.drugCount.create({
      data: {
        lotId: lot.id,
        countedUg,
        expectedUg: lot.onHandUg,
        discrepancyUg,
        notes: input.notes ?? null,
        actorId: ctx.user.id,
        witnessId: witness.id,
      },
    });
    const result: CountResult = {
      id: row.id,
      lotId: lot.id,
      countedMg: ugToMg(countedUg),
      expectedMg: ugToMg(lot.onHandUg),
      discrepancyMg: ugToMg(discrepancyUg),
      discrepancy: discrepancyUg !== BigInt(0),
      witness,
      createdAt: row.createdAt.toISOString(),
    };
    await ctx.audit(tx, {
      action: result.discrepancy ? 'drug.count_discrepancy' : 'drug.count',
      entityType: 'DrugCount',
      entityId: row.id,
      after: result,
    });
    return result;
  });
}
