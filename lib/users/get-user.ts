import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { PUBLIC_USER_SELECT, type PublicUser } from './public-user';

export async function getUser(id: string): Promise<PublicUser> {
  const user = await prisma.user.findUnique({ where: { id }, select: PUBLIC_USER_SELECT });
  if (!user) throw new AppError('NOT_FOUND', 'This user does not exist.');
  return user;
}
