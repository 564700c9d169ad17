import 'server-only';
import { prisma } from '@/lib/db';
import { PUBLIC_USER_SELECT, type PublicUser } from './public-user';

/**
 * Every staff account for the admin list, by name. A clinic has tens of staff,
 * not thousands, so the list is not paginated; `q` narrows it by name or email.
 */
export async function listUsers({ q }: { q?: string } = {}): Promise<PublicUser[]> {
  const term = q?.trim();
  return prisma.user.findMany({
    where: term
      ? { OR: [{ name: { contains: term, mode: 'insensitive' } }, { email: { contains: term, mode: 'insensitive' } }] }
      : undefined,
    select: PUBLIC_USER_SELECT,
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
  });
}
