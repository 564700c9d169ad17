import 'server-only';
import { prisma } from '@/lib/db';

/**
 * Opens a server-side session row at sign-in; its id travels in the (encrypted) session
 * cookie and is checked on every request, so signing out can end it for good.
 */
export async function startSession(userId: string): Promise<string> {
  const session = await prisma.session.create({ data: { userId }, select: { id: true } });
  return session.id;
}
