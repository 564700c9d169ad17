import 'server-only';
import { loadBlindingViewer } from '@/lib/blinding/load-blinding-viewer';
import { canSeeAllocation } from '@/lib/blinding/policy';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { DRUG_MOVEMENT_LABELS, lotTotalUg, ugToMg, type DrugMovementKind } from './policy';
import { toLotDto, type LotDto } from './types';

export type LogEntry = {
  id: string;
  kind: DrugMovementKind;
  kindLabel: string;
  /** ISO instant; for masked-trial rows hidden from blinded viewers, the clinic day only. */
  at: string;
  changeMg: number;
  balanceAfterMg: number;
  actor: { id: string; name: string };
  witness: { id: string; name: string } | null;
  reason: string | null;
  /** The infusion it was given (or its vial opened) at; null when none or masked. */
  visit: { id: string; sessionNumber: number; participant: string; trialLabel: string } | null;
  /** True when the row belongs to a masked trial the viewer is blinded for. */
  isMasked: boolean;
  reversesId: string | null;
  reversedById: string | null;
};

export type LotCount = {
  id: string;
  at: string;
  countedMg: number;
  expectedMg: number;
  discrepancyMg: number;
  actor: string;
  witness: string;
  reviewedAt: string | null;
  reviewNote: string | null;
};

export type LotLog = { lot: LotDto; entries: LogEntry[]; counts: LotCount[] };

const PERSON = { select: { id: true, name: true } } as const;

/**
 * A lot's full record, oldest first, with the running balance each movement left. A
 * dispense or vial waste at a masked trial's visit tells the arm apart (placebo draws no
 * drug), so for a viewer blinded to that trial the row keeps its amount (the balance must
 * add up) but loses the participant, the visit and the time of day.
 */
export async function getLotLog(options: { lotId: string; viewerId: string }): Promise<LotLog> {
  const { lotId, viewerId } = options;
  const row = await prisma.drugLot.findUnique({ where: { id: lotId }, include: { receivedBy: PERSON } });
  if (!row) throw new AppError('NOT_FOUND', 'This drug lot does not exist.');
  // One clock for the lot's expiry and a masked row's day, both on the clinic settings' calendar.
  const clock = await getClinicClock({ db: prisma });
  const today = clock.today();
  const viewer = await loadBlindingViewer({ userId: viewerId, db: prisma });
  const movements = await prisma.drugMovement.findMany({
    where: { lotId },
    orderBy: { sequence: 'asc' },
    include: {
      actor: PERSON,
      witness: PERSON,
      reversedBy: { select: { id: true } },
      visit: {
        select: {
          id: true,
          sessionNumber: true,
          enrollment: {
            select: {
              id: true,
              candidate: { select: { firstName: true, lastName: true } },
              trial: { select: { id: true, masking: true, nctId: true, acronym: true, shortTitle: true, title: true } },
            },
          },
        },
      },
    },
  });
  const counts = await prisma.drugCount.findMany({
    where: { lotId },
    orderBy: { createdAt: 'asc' },
    include: { actor: PERSON, witness: PERSON },
  });
  const entries = movements.map((movement): LogEntry => {
    const enrollment = movement.visit?.enrollment ?? null;
    const isMasked =
      enrollment !== null && !canSeeAllocation({ viewer, trial: enrollment.trial, enrollmentId: enrollment.id });
    const trial = enrollment?.trial;
    return {
      id: movement.id,
      kind: movement.kind,
      kindLabel: DRUG_MOVEMENT_LABELS[movement.kind],
      at: isMasked ? clock.wallClock(movement.createdAt).date : movement.createdAt.toISOString(),
      changeMg: ugToMg(movement.changeUg),
      balanceAfterMg: ugToMg(movement.balanceAfterUg),
      actor: movement.actor,
      witness: movement.witness,
      reason: movement.reason,
      visit:
        movement.visit && enrollment && trial && !isMasked
          ? {
              id: movement.visit.id,
              sessionNumber: movement.visit.sessionNumber,
              participant: `${enrollment.candidate.lastName}, ${enrollment.candidate.firstName}`,
              trialLabel: trial.acronym ?? trial.shortTitle ?? trial.nctId ?? trial.title,
            }
          : null,
      isMasked,
      reversesId: movement.reversesId,
      reversedById: movement.reversedBy?.id ?? null,
    };
  });
  return {
    lot: toLotDto(row, {
      receivedUg: lotTotalUg({
        concentrationMgPerMl: Number(row.concentrationMgPerMl),
        vialVolumeMl: Number(row.vialVolumeMl),
        vialsReceived: row.vialsReceived,
      }),
      today,
    }),
    entries,
    counts: counts.map((count) => ({
      id: count.id,
      at: count.createdAt.toISOString(),
      countedMg: ugToMg(count.countedUg),
      expectedMg: ugToMg(count.expectedUg),
      discrepancyMg: ugToMg(count.discrepancyUg),
      actor: count.actor.name,
      witness: count.witness.name,
      reviewedAt: count.reviewedAt?.toISOString() ?? null,
      reviewNote: count.reviewNote,
    })),
  };
}
