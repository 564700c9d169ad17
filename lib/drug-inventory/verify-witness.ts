import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { reauthenticate } from '@/lib/auth/reauthenticate';
import { prisma } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { checkWitness } from './policy';

export type Witness = { id: string; name: string };

/**
 * The second clinician who watches a waste, count or reversal re-enters their own
 * password. A wrong password answers 403 and counts toward the witness's lockout
 * (the same re-entry as an e-signature). Runs before the write's transaction so a
 * failed attempt is recorded even though the write is refused.
 */
export async function verifyWitness(options: {
  email: string;
  password: string;
  purpose: string;
  ctx: ActorContext;
}): Promise<Witness> {
  const { email, password, purpose, ctx } = options;
  const witness = await prisma.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, name: true, role: true, isActive: true },
  });
  if (!witness) {
    throw new AppError(
      'FORBIDDEN',
      'No active clinician has this email; the witness must sign in with their own account.',
      {
        fields: { witnessEmail: ['No active clinician has this email.'] },
      },
    );
  }
  const problem = checkWitness({ actorId: ctx.user.id, witness });
  if (problem?.code === 'SAME_PERSON')
    throw new AppError('VALIDATION_FAILED', problem.message, { fields: { witnessEmail: [problem.message] } });
  if (problem) throw new AppError('FORBIDDEN', problem.message, { fields: { witnessEmail: [problem.message] } });
  try {
    await reauthenticate({
      userId: witness.id,
      password,
      purpose,
      requestId: ctx.request?.requestId,
      ipAddress: ctx.request?.ipAddress,
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') {
      const message = error.fields ? 'The witness’s password is not correct. Nothing was recorded.' : error.message;
      throw new AppError('FORBIDDEN', message, { fields: { witnessPassword: [message] } });
    }
    throw error;
  }
  return { id: witness.id, name: witness.name };
}
