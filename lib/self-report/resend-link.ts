import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { sendMail } from '@/lib/mail/send-mail';
import { DEFAULT_LINK_TTL_DAYS } from './catalog';
import type { CreatedLink } from './create-link';
import { selfReportUrl } from './create-link';
import { linkEmail } from './link-email';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { newToken } from './token';

const DAY_MS = 86_400_000;

/**
 * A reminder: the link gets a new token (only hashes are stored, so the old URL cannot be
 * sent again; it stops working) and a fresh expiry, and is emailed. Refused for a link that
 * was answered (409) or withdrawn (409). Audited.
 */
export async function resendSelfReportLink(options: {
  linkId: string;
  ctx: ActorContext;
  baseUrl: string;
  now?: Date;
}): Promise<CreatedLink> {
  const { linkId, ctx, baseUrl, now = new Date() } = options;
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<
        Array<{ id: string }>
      >`SELECT "id" FROM "SelfReportLink" WHERE "id" = ${linkId} FOR UPDATE`;
      if (rows.length === 0) throw new AppError('NOT_FOUND', 'This link does not exist.');
      const link = await tx.selfReportLink.findUniqueOrThrow({
        where: { id: linkId },
        include: { enrollment: { select: { status: true, candidate: { select: { firstName: true, email: true } } } } },
      });
      if (link.usedAt) throw new AppError('CONFLICT', 'The participant has already answered this link.');
      if (link.revokedAt) throw new AppError('CONFLICT', 'This link was withdrawn; send a new one.');
      if (link.enrollment.status !== 'ACTIVE') throw new AppError('CONFLICT', 'This participation has ended.');
      const email = link.enrollment.candidate.email;
      if (!email)
        throw new AppError('VALIDATION_FAILED', 'This participant has no email address on file.', {
          fields: { send: ['No email address on file.'] },
        });
      const { token, tokenHash } = newToken();
      const expiresAt = new Date(now.getTime() + DEFAULT_LINK_TTL_DAYS * DAY_MS);
      await tx.selfReportLink.update({
        where: { id: linkId },
        data: { tokenHash, expiresAt, emailsSent: { increment: 1 }, lastSentAt: now, channel: 'EMAIL' },
      });
      const url = selfReportUrl(baseUrl, token);
      await ctx.audit(tx, {
        action: 'self_report.link_remind',
        entityType: 'SelfReportLink',
        entityId: linkId,
        after: { expiresAt: expiresAt.toISOString(), emailsSent: link.emailsSent + 1 },
      });
      await sendMail({
        to: email,
        ...linkEmail({
          firstName: link.enrollment.candidate.firstName,
          url,
          expiresAt,
          isReminder: true,
          timeZone: await getClinicTimeZone({ db: tx }),
        }),
      });
      return { id: linkId, url, expiresAt: expiresAt.toISOString(), emailed: true };
    },
    { timeout: 30_000 },
  );
}
