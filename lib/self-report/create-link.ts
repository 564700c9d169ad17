import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { sendMail } from '@/lib/mail/send-mail';
import type { CreateSelfReportLinkInput } from '@/lib/validations/self-report';
import { DEFAULT_LINK_TTL_DAYS } from './catalog';
import { linkEmail } from './link-email';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { assertSelfReportSlot } from './plan-slot';
import { newToken } from './token';

export type CreatedLink = { id: string; url: string; expiresAt: string; emailed: boolean };

const DAY_MS = 86_400_000;

/** The participant's page for a token, on the app's public URL. */
export function selfReportUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/r/${token}`;
}

/**
 * A single-use link for the participant to answer one planned questionnaire. Refused (409)
 * when the answer is already recorded; a still-open link for the same questionnaire is
 * withdrawn, so only the newest works. With `send: "email"` the link is emailed before the
 * transaction commits: if the mail server refuses, nothing is written. Audited without the
 * token (only its hash is stored).
 */
export async function createSelfReportLink(options: {
  enrollmentId: string;
  input: CreateSelfReportLinkInput;
  ctx: ActorContext;
  baseUrl: string;
  now?: Date;
}): Promise<CreatedLink> {
  const { enrollmentId, input, ctx, baseUrl, now = new Date() } = options;
  return prisma.$transaction(
    async (tx) => {
      await assertSelfReportSlot({ tx, enrollmentId, instrument: input.instrument, timepoint: input.timepoint });
      const slot = { enrollmentId, instrument: input.instrument, timepoint: input.timepoint };
      const recorded = await tx.assessment.findFirst({ where: { ...slot, supersededAt: null }, select: { id: true } });
      if (recorded)
        throw new AppError('CONFLICT', `This ${input.instrument} is already recorded for ${input.timepoint}.`, {
          details: { assessmentId: recorded.id },
        });
      const candidate = await tx.enrollment.findUniqueOrThrow({
        where: { id: enrollmentId },
        select: { candidate: { select: { firstName: true, email: true } } },
      });
      if (input.send === 'email' && !candidate.candidate.email) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          fields: { send: ['This participant has no email address on file; copy the link instead.'] },
        });
      }
      const withdrawn = await tx.selfReportLink.updateMany({
        where: { ...slot, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { revokedAt: now },
      });
      const { token, tokenHash } = newToken();
      const expiresAt = new Date(now.getTime() + DEFAULT_LINK_TTL_DAYS * DAY_MS);
      const isEmail = input.send === 'email';
      const link = await tx.selfReportLink.create({
        data: {
          ...slot,
          tokenHash,
          channel: isEmail ? 'EMAIL' : 'LINK',
          expiresAt,
          createdById: ctx.user.id,
          emailsSent: isEmail ? 1 : 0,
          lastSentAt: isEmail ? now : null,
        },
      });
      const url = selfReportUrl(baseUrl, token);
      await ctx.audit(tx, {
        action: 'self_report.link_create',
        entityType: 'SelfReportLink',
        entityId: link.id,
        after: {
          ...slot,
          channel: link.channel,
          expiresAt: expiresAt.toISOString(),
          withdrawnEarlierLinks: withdrawn.count,
        },
      });
      if (isEmail)
        await sendMail({
          to: candidate.candidate.email!,
          ...linkEmail({
            firstName: candidate.candidate.firstName,
            url,
            expiresAt,
            isReminder: false,
            timeZone: await getClinicTimeZone({ db: tx }),
          }),
        });
      return { id: link.id, url, expiresAt: expiresAt.toISOString(), emailed: isEmail };
    },
    { timeout: 30_000 },
  );
}
