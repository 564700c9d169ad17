import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { ChairCreateInput } from '@/lib/validations/infusions';
import type { Chair } from '@/lib/validations/scheduling';

/** Admin: a new infusion chair, in service at once. Audited `chair.create`. */
export async function addChair({ input, ctx }: { input: ChairCreateInput; ctx: ActorContext }): Promise<Chair> {
  try {
    return await prisma.$transaction(async (tx) => {
      const chair = await tx.chair.create({ data: { name: input.name } });
      await ctx.audit(tx, {
        action: 'chair.create',
        entityType: 'Chair',
        entityId: chair.id,
        after: { name: chair.name, isActive: chair.isActive },
      });
      return { id: chair.id, name: chair.name, isActive: chair.isActive };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'name'))
      throw new AppError('CONFLICT', 'A chair with this name already exists.', {
        fields: { name: ['A chair with this name already exists.'] },
      });
    throw error;
  }
}
