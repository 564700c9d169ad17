import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { revokeSession } from '@/lib/auth/end-session';
import { hashPassword, verifyPassword } from '@/lib/auth/password-hash';
import type { RequestContext } from '@/lib/auth/request-context';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { listDueAssessments } from '@/lib/assessments/list-due-assessments';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { selfReportFormFor, type SelfReportForm } from './catalog';
import { recordPatientAnswers, type PatientAnswersResult } from './record-patient-answers';
import { hashToken, newToken } from './token';

/** A tablet hand-over lasts a clinic visit at most. */
export const TABLET_SESSION_HOURS = 3;
/** Wrong PINs before only a staff sign-in can end the mode. */
export const MAX_TABLET_PIN_FAILURES = 5;
/** The device cookie that holds the tablet token (httpOnly). */
export const TABLET_COOKIE = 'td_tablet';

/**
 * Hands the tablet to a participant: every questionnaire due or overdue for them that they
 * can answer themselves is queued (one TABLET link each). Returns the device token for the
 * cookie; only its hash is stored, with the staff PIN's argon2 hash. 409 when nothing is due.
 * The staff member's own session (`staffSessionId`) ends server-side too, so the cookie the
 * device drops cannot be replayed.
 */
export async function startTabletSession(options: {
  enrollmentId: string;
  pin: string;
  ctx: ActorContext;
  staffSessionId?: string;
  now?: Date;
}): Promise<{ token: string; queued: number }> {
  const { enrollmentId, pin, ctx, staffSessionId, now = new Date() } = options;
  const due = await listDueAssessments({ enrollmentId, statuses: ['due', 'overdue'], now });
  const queue = due.rows.filter((row) => row.isSelfReportable);
  if (queue.length === 0)
    throw new AppError('CONFLICT', 'No questionnaire that the participant can answer on the tablet is due now.');
  const pinHash = await hashPassword(pin);
  const device = newToken();
  await prisma.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({ where: { id: enrollmentId }, select: { status: true } });
    if (!enrollment) throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
    if (enrollment.status !== 'ACTIVE') throw new AppError('CONFLICT', 'This participation has ended.');
    const expiresAt = new Date(now.getTime() + TABLET_SESSION_HOURS * 3_600_000);
    const session = await tx.tabletSession.create({
      data: { enrollmentId, tokenHash: device.tokenHash, pinHash, startedById: ctx.user.id, expiresAt },
    });
    for (const row of queue) {
      const slot = { enrollmentId, instrument: row.instrument, timepoint: row.timepoint };
      await tx.selfReportLink.updateMany({
        where: { ...slot, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      await tx.selfReportLink.create({
        data: {
          ...slot,
          tokenHash: newToken().tokenHash,
          channel: 'TABLET',
          expiresAt,
          createdById: ctx.user.id,
          tabletSessionId: session.id,
        },
      });
    }
    await ctx.audit(tx, {
      action: 'self_report.tablet_start',
      entityType: 'TabletSession',
      entityId: session.id,
      after: { enrollmentId, queued: queue.map((row) => `${row.instrument} ${row.timepoint}`) },
    });
    if (staffSessionId) await revokeSession(tx, staffSessionId, 'tablet_mode');
  });
  return { token: device.token, queued: queue.length };
}

type ActiveTablet = {
  id: string;
  enrollmentId: string;
  firstName: string;
  pinHash: string;
  failedPinCount: number;
  startedById: string;
};

async function activeTablet(token: string | undefined, now: Date): Promise<ActiveTablet> {
  if (!token) throw new AppError('UNAUTHENTICATED', 'This device is not in tablet mode.');
  const session = await prisma.tabletSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      enrollmentId: true,
      pinHash: true,
      failedPinCount: true,
      startedById: true,
      endedAt: true,
      expiresAt: true,
      enrollment: { select: { candidate: { select: { firstName: true } } } },
    },
  });
  if (!session || session.endedAt || session.expiresAt.getTime() <= now.getTime())
    throw new AppError('UNAUTHENTICATED', 'Tablet mode has ended on this device.');
  return {
    id: session.id,
    enrollmentId: session.enrollmentId,
    firstName: session.enrollment.candidate.firstName,
    pinHash: session.pinHash,
    failedPinCount: session.failedPinCount,
    startedById: session.startedById,
  };
}

export type TabletQueue = {
  firstName: string;
  next: { linkId: string; form: SelfReportForm } | null;
  remaining: number;
  answered: number;
};

/** What the tablet shows now: the next queued questionnaire, or that all are done. */
export async function getTabletQueue(options: { token: string | undefined; now?: Date }): Promise<TabletQueue> {
  const now = options.now ?? new Date();
  const tablet = await activeTablet(options.token, now);
  const links = await prisma.selfReportLink.findMany({
    where: { tabletSessionId: tablet.id, revokedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, instrument: true, usedAt: true },
  });
  const open = links.filter((link) => link.usedAt === null && selfReportFormFor(link.instrument) !== null);
  const next = open[0];
  return {
    firstName: tablet.firstName,
    next: next ? { linkId: next.id, form: selfReportFormFor(next.instrument)! } : null,
    remaining: open.length,
    answered: links.length - open.length,
  };
}

/** The participant's answers to one queued questionnaire on the tablet. */
export async function submitTabletAnswer(options: {
  token: string | undefined;
  linkId: string;
  items: ReadonlyArray<number | null>;
  request: RequestContext;
  now?: Date;
}): Promise<PatientAnswersResult> {
  const now = options.now ?? new Date();
  const tablet = await activeTablet(options.token, now);
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "SelfReportLink" WHERE "id" = ${options.linkId} FOR UPDATE`;
    const link = await tx.selfReportLink.findUnique({
      where: { id: options.linkId },
      select: {
        id: true,
        enrollmentId: true,
        instrument: true,
        timepoint: true,
        usedAt: true,
        revokedAt: true,
        tabletSessionId: true,
      },
    });
    if (!link || link.tabletSessionId !== tablet.id)
      throw new AppError('NOT_FOUND', 'This questionnaire is not queued on this tablet.');
    if (link.usedAt || link.revokedAt) throw new AppError('GONE', 'This questionnaire has already been answered.');
    return recordPatientAnswers({
      tx,
      link,
      items: options.items,
      channel: 'TABLET',
      meta: { requestId: options.request.requestId, ipAddress: options.request.ipAddress },
      now,
    });
  });
}

/**
 * Leaves tablet mode with the staff PIN. A wrong PIN is 403; after too many, only a staff
 * sign-in ends it (endTabletSessionAsStaff). Unanswered questionnaires stay due.
 */
export async function endTabletSessionWithPin(options: {
  token: string | undefined;
  pin: string;
  request: RequestContext;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  const tablet = await activeTablet(options.token, now);
  if (tablet.failedPinCount >= MAX_TABLET_PIN_FAILURES)
    throw new AppError('FORBIDDEN', 'Too many wrong PINs. A staff member must sign in to end tablet mode.');
  if (!(await verifyPassword(tablet.pinHash, options.pin))) {
    await prisma.tabletSession.update({ where: { id: tablet.id }, data: { failedPinCount: { increment: 1 } } });
    throw new AppError('FORBIDDEN', 'That PIN is not correct.', { fields: { pin: ['That PIN is not correct.'] } });
  }
  await closeTablet({ tabletId: tablet.id, endedById: tablet.startedById, how: 'pin', request: options.request, now });
}

/** A signed-in staff member ends the tablet mode of this device. */
export async function endTabletSessionAsStaff(options: {
  token: string | undefined;
  ctx: ActorContext;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  const tablet = await activeTablet(options.token, now);
  await closeTablet({
    tabletId: tablet.id,
    endedById: options.ctx.user.id,
    how: 'sign-in',
    request: {
      requestId: options.ctx.request?.requestId ?? null,
      ipAddress: options.ctx.request?.ipAddress ?? null,
      pathname: null,
    },
    now,
  });
}

async function closeTablet(options: {
  tabletId: string;
  endedById: string;
  how: 'pin' | 'sign-in';
  request: RequestContext;
  now: Date;
}) {
  const { tabletId, endedById, how, request, now } = options;
  await prisma.$transaction(async (tx) => {
    await tx.tabletSession.update({ where: { id: tabletId }, data: { endedAt: now, endedById } });
    const revoked = await tx.selfReportLink.updateMany({
      where: { tabletSessionId: tabletId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAuditEvent(tx, {
      actorId: endedById,
      action: 'self_report.tablet_end',
      entityType: 'TabletSession',
      entityId: tabletId,
      after: { how, unanswered: revoked.count },
      requestId: request.requestId,
      ipAddress: request.ipAddress,
    });
  });
}
